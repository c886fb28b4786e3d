import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { delegations, organisationMembers, organisations, users } from './schema';
import { hashPassword } from '@/lib/auth/password';
import { luhnCheckDigit } from '@/lib/companies/siret';

const withLuhnDigit = (prefix: string): string => prefix + luhnCheckDigit(prefix);

// Benchmark data, never in the demo seed: an accounting firm with many client companies, each having
// accepted a delegation (varied areas, end dates and attestation status), for « Mes clients » at scale.

export const benchFirm = {
  siret: '98765432100015',
  name: 'Cabinet Banc d’Essai',
  email: 'bench@cabinet-banc-essai.test',
  password: 'Bench-Cabinet-200-Clients!',
};

const areaSets = [
  { declarations: 'write', payments: 'read', leave: 'write', attestations: 'read' },
  { declarations: 'write', attestations: 'read' },
  { leave: 'write' },
  { attestations: 'read', documents: 'read' },
  { declarations: 'read', payments: 'read', leave: 'read', attestations: 'read', documents: 'read' },
] as const;
const trades = ['Maçonnerie', 'Charpente', 'Couverture', 'Plâtrerie', 'Électricité', 'Plomberie', 'Menuiserie', 'Carrelage', 'Peinture', 'Terrassement'];
const cities = [
  ['Nancy', '54000', '54'],
  ['Metz', '57000', '57'],
  ['Strasbourg', '67000', '67'],
  ['Mulhouse', '68100', '68'],
  ['Reims', '51100', '51'],
  ['Épinal', '88000', '88'],
  ['Troyes', '10000', '10'],
  ['Dijon', '21000', '21'],
] as const;

/** Deterministic valid SIRETs for client n (SIREN 81xxxxxxx). */
export function benchClientSiret(n: number): string {
  return withLuhnDigit(withLuhnDigit(`81${String(n).padStart(6, '0')}`) + '0001');
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Idempotent: the firm (SIRET) and its clients (SIRETs) are natural keys. Returns the firm's id. */
export async function seedFirmWithClients(db: Db, options: { clients?: number; today?: string } = {}): Promise<string> {
  const count = options.clients ?? 200;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const passwordHash = await hashPassword(benchFirm.password);
  const firmId = await db.transaction(async (tx) => {
    await tx
      .insert(organisations)
      .values({ kind: 'accounting_firm', siret: benchFirm.siret, name: benchFirm.name, addressLine: '1 rue du Banc', postcode: '54000', city: 'Nancy', departmentCode: '54', contactEmail: benchFirm.email, activatedAt: new Date() })
      .onConflictDoNothing({ target: organisations.siret });
    const [firm] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.siret, benchFirm.siret));
    await tx
      .insert(users)
      .values({ email: benchFirm.email, passwordHash, firstName: 'Bernard', lastName: 'Banc', status: 'active', emailVerifiedAt: new Date() })
      .onConflictDoNothing({ target: users.email });
    const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.email, benchFirm.email));
    await tx.insert(organisationMembers).values({ organisationId: firm!.id, userId: admin!.id, role: 'admin' }).onConflictDoNothing();

    const companies = Array.from({ length: count }, (_, i) => {
      const [city, postcode, dept] = cities[i % cities.length]!;
      return {
        kind: 'company' as const,
        siret: benchClientSiret(i + 1),
        name: `${trades[i % trades.length]} ${['Dupont', 'Schmitt', 'Lambert', 'Muller', 'Girard', 'Roux', 'Fontaine', 'Weber', 'Klein', 'Perrin'][Math.floor(i / 10) % 10]} ${i + 1} SARL`,
        addressLine: `${(i % 90) + 1} rue des Chantiers`,
        postcode,
        city,
        departmentCode: dept,
        membershipNumber: `GE-BENCH-${String(i + 1).padStart(5, '0')}`,
        activatedAt: new Date(),
      };
    });
    await tx.insert(organisations).values(companies).onConflictDoNothing({ target: organisations.siret });
    const rows = await tx.select({ id: organisations.id, siret: organisations.siret }).from(organisations).where(eq(organisations.kind, 'company'));
    const bySiret = new Map(rows.map((r) => [r.siret, r.id]));
    const existing = new Set((await tx.select({ companyId: delegations.companyId }).from(delegations).where(eq(delegations.firmId, firm!.id))).map((d) => d.companyId));
    const values = companies
      .map((c, i) => ({ companyId: bySiret.get(c.siret)!, i }))
      .filter(({ companyId }) => !existing.has(companyId))
      .map(({ companyId, i }) => ({
        companyId,
        firmId: firm!.id,
        areas: { ...areaSets[i % areaSets.length]! },
        status: 'active' as const,
        endsOn: i % 4 === 0 ? null : addDays(today, ((i * 37) % 400) - 20),
        respondedAt: new Date(),
        requestedByUserId: admin!.id,
      }));
    if (values.length) await tx.insert(delegations).values(values);
    return firm!.id;
  });
  // Fresh statistics, as autovacuum would give a real server after a bulk load (PGlite has no
  // autovacuum): without them the planner expects one row and nests loops over 200 clients.
  await db.execute(sql`analyze organisations, delegations`);
  return firmId;
}
