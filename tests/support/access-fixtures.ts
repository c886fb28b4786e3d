import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { delegations, organisationMembers, organisations, users } from '@/db/schema';
import type { AreaGrants } from '@/lib/access/rules';
import { luhnCheckDigit } from '@/lib/companies/siret';

const withLuhnDigit = (prefix: string): string => prefix + luhnCheckDigit(prefix);

// Each test builds its own organisations and users (unique SIRETs and emails), so tests are independent.

let n = 0;

/** A valid SIRET (Luhn on the SIREN and on the SIRET), random enough to be unique within a run. */
export function uniqueSiret(): string {
  const siren = withLuhnDigit(String(crypto.randomInt(10_000_000, 99_999_999)));
  return withLuhnDigit(siren + String(crypto.randomInt(0, 9999)).padStart(4, '0'));
}

export async function createOrganisation(db: Db, kind: 'company' | 'accounting_firm', overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const i = ++n;
  const [org] = await db
    .insert(organisations)
    .values({
      kind,
      siret: uniqueSiret(),
      name: `${kind === 'company' ? 'Entreprise' : 'Cabinet'} Test ${i} ${crypto.randomBytes(3).toString('hex')}`,
      addressLine: '1 rue du Test',
      postcode: '54000',
      city: 'Nancy',
      activatedAt: new Date(),
      ...overrides,
    })
    .returning();
  return org!;
}

/** Marks the account as having a password (no test signs in with it). */
const FIXTURE_HASH = '$argon2id$v=19$fixture-not-a-real-hash';

export async function createUser(db: Db, overrides: Partial<typeof users.$inferInsert> = {}) {
  const i = ++n;
  const [u] = await db
    .insert(users)
    .values({ email: `u${i}-${crypto.randomBytes(4).toString('hex')}@test.test`, firstName: 'Prénom', lastName: `Nom${i}`, status: 'active', passwordHash: FIXTURE_HASH, ...overrides })
    .returning();
  return u!;
}

export async function addMember(db: Db, organisationId: string, userId: string, role: 'admin' | 'collaborator', rights: AreaGrants = {}) {
  await db.insert(organisationMembers).values({ organisationId, userId, role, rights });
}

/** A company with an administrator. */
export async function companyWithAdmin(db: Db) {
  const company = await createOrganisation(db, 'company');
  const admin = await createUser(db);
  await addMember(db, company.id, admin.id, 'admin');
  return { company, admin };
}

/** A firm with an administrator (and optionally a delegation from `companyId`). */
export async function firmWithAdmin(db: Db) {
  const firm = await createOrganisation(db, 'accounting_firm');
  const admin = await createUser(db, { firstName: 'Claire', lastName: 'Martin' });
  await addMember(db, firm.id, admin.id, 'admin');
  return { firm, admin };
}

export async function insertDelegation(db: Db, values: { companyId: string; firmId: string; areas: AreaGrants; status: (typeof delegations.$inferInsert)['status']; endsOn?: string | null }) {
  const [d] = await db.insert(delegations).values({ endsOn: null, ...values }).returning();
  return d!;
}

export async function getDelegation(db: Db, id: string) {
  const [d] = await db.select().from(delegations).where(eq(delegations.id, id));
  return d!;
}

export const actorOf = (userId: string, organisationId: string) => ({ actorUserId: userId, actorOrganisationId: organisationId, ip: '127.0.0.1', userAgent: 'vitest' });
