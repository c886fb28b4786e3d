import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './client';
import {
  caisse,
  caisseLegalNotice,
  caisseSites,
  contributionRates,
  contributionTerms,
  declarationLines,
  declarations,
  departments,
  keyDates,
  organisationMembers,
  organisations,
  payments,
  provisionalCredentials,
  users,
  workers,
} from './schema';
import { contributionCents, monthlyHoursHundredths, rateFor, type RateRow } from '@/lib/declarations/rules';
import { createElement } from 'react';
import { hashPassword } from '@/lib/auth/password';
import { getEnv } from '@/lib/env';
import { hashCode, hashIdentifier } from '@/lib/onboarding/credentials';
import TestEmail, { testEmailSubject } from '@/emails/test-email';
import { enqueueMail, getMailCaisse } from '@/lib/mail/outbox';

// Reference data: the caisse this instance serves. Real deployments edit these rows, not code.
const caisseIdentity = {
  id: 1,
  name: 'CIBTP Grand Est',
  shortName: 'CIBTP Grand Est',
  legalName: 'Caisse de congés payés du bâtiment et des travaux publics du Grand Est',
  addressLine: '12 rue des Artisans',
  postcode: '54000',
  city: 'Nancy',
  phone: '03 83 00 00 00',
  email: 'contact@cibtp-grandest.test',
  website: 'https://www.cibtp-grandest.fr',
  siret: '77567154300012',
};

// The legal notice's extra facts. The host is a visible placeholder until the deployment fills it in.
const legalNotice = {
  caisseId: caisseIdentity.id,
  publicationDirector: 'Le directeur général de la caisse',
  hostName: 'Hébergeur à renseigner lors de la mise en production',
  hostAddress: 'Adresse de l’hébergeur à renseigner',
  hostPhone: null,
  dataProtectionEmail: 'dpo@cibtp-grandest.test',
};

const sites = [
  { code: 'macon', name: 'Mâcon', addressLine: '5 quai Lamartine', postcode: '71000', city: 'Mâcon', phone: '03 85 00 00 00' },
  { code: 'metz', name: 'Metz', addressLine: '18 rue aux Arènes', postcode: '57000', city: 'Metz', phone: '03 87 00 00 00' },
  { code: 'mulhouse', name: 'Mulhouse', addressLine: '7 rue de la Sinne', postcode: '68100', city: 'Mulhouse', phone: '03 89 00 00 00' },
  { code: 'nancy', name: 'Nancy', addressLine: '12 rue des Artisans', postcode: '54000', city: 'Nancy', phone: '03 83 00 00 00' },
  { code: 'reims', name: 'Reims', addressLine: '30 boulevard Lundy', postcode: '51100', city: 'Reims', phone: '03 26 00 00 00' },
  { code: 'strasbourg', name: 'Strasbourg', addressLine: '9 quai Kléber', postcode: '67000', city: 'Strasbourg', phone: '03 88 00 00 00' },
];

// The 18 departments of the circonscription, the site serving each, and Alsace-Moselle local law.
const circonscription: { code: string; name: string; site: string; isAlsaceMoselle?: boolean }[] = [
  { code: '01', name: 'Ain', site: 'macon' },
  { code: '02', name: 'Aisne', site: 'reims' },
  { code: '08', name: 'Ardennes', site: 'reims' },
  { code: '10', name: 'Aube', site: 'reims' },
  { code: '21', name: 'Côte-d’Or', site: 'macon' },
  { code: '25', name: 'Doubs', site: 'mulhouse' },
  { code: '39', name: 'Jura', site: 'macon' },
  { code: '51', name: 'Marne', site: 'reims' },
  { code: '52', name: 'Haute-Marne', site: 'nancy' },
  { code: '54', name: 'Meurthe-et-Moselle', site: 'nancy' },
  { code: '55', name: 'Meuse', site: 'metz' },
  { code: '57', name: 'Moselle', site: 'metz', isAlsaceMoselle: true },
  { code: '67', name: 'Bas-Rhin', site: 'strasbourg', isAlsaceMoselle: true },
  { code: '68', name: 'Haut-Rhin', site: 'mulhouse', isAlsaceMoselle: true },
  { code: '70', name: 'Haute-Saône', site: 'mulhouse' },
  { code: '71', name: 'Saône-et-Loire', site: 'macon' },
  { code: '88', name: 'Vosges', site: 'nancy' },
  { code: '90', name: 'Territoire de Belfort', site: 'mulhouse' },
];

/** Contribution rates (effective-dated data; the caisse adds a row when its board changes a rate). */
export const seedContributionRates: RateRow[] = [
  { category: null, effectiveFrom: '2024-04-01', rateBasisPoints: 1980 },
  { category: null, effectiveFrom: '2026-04-01', rateBasisPoints: 2030 },
];

/**
 * Terms of the contributions (effective-dated data): due 45 days after the end of the declared month,
 * 1 % per month started after that, a month to declare by the 15th of the next one, reminder 7 days
 * before the due date.
 */
export const seedContributionTerms = [
  { effectiveFrom: '2020-01-01', paymentDelayDays: 45, declarationDelayDays: 15, penaltyBasisPointsPerMonth: 100, reminderDaysBefore: 7 },
];

export async function seedReference(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(caisse).values(caisseIdentity).onConflictDoNothing();
    await tx
      .insert(contributionRates)
      .values(seedContributionRates.map((r) => ({ ...r, label: `Cotisation congés payés au ${r.effectiveFrom}` })))
      .onConflictDoNothing();
    await tx.insert(contributionTerms).values(seedContributionTerms).onConflictDoNothing();
    await tx.insert(caisseLegalNotice).values(legalNotice).onConflictDoNothing();
    let order = 0;
    for (const site of sites) {
      await tx
        .insert(caisseSites)
        .values({ ...site, openingHours: 'Du lundi au vendredi, 8 h 30 – 12 h et 13 h 30 – 17 h', sortOrder: order++ })
        .onConflictDoNothing({ target: caisseSites.code });
    }
    const siteRows = await tx.select({ id: caisseSites.id, code: caisseSites.code }).from(caisseSites);
    const siteId = new Map(siteRows.map((s) => [s.code, s.id]));
    for (const d of circonscription) {
      await tx
        .insert(departments)
        .values({ code: d.code, name: d.name, siteId: siteId.get(d.site)!, isAlsaceMoselle: d.isAlsaceMoselle ?? false })
        .onConflictDoNothing({ target: departments.code });
    }
  });
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDate(d);
}

const monthsFr = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** Key dates: the flyer's own (2020–2021, for the record) and upcoming ones placed relative to today. */
export function demoKeyDates(today: string) {
  const resume = addDays(today, 80);
  const resumeMonth = new Date(`${resume}T00:00:00Z`);
  return [
    { kind: 'leave_registration_deadline' as const, label: 'Date limite d’enregistrement de dates de congés', startsOn: '2020-12-14' },
    { kind: 'space_closure' as const, label: 'Fermeture de l’Espace sécurisé', startsOn: '2020-12-17', endsOn: '2021-01-06' },
    { kind: 'space_opening' as const, label: 'Ouverture du nouvel Espace sécurisé', startsOn: '2021-01-07' },
    { kind: 'leave_payments_resume' as const, label: 'Reprise des paiements des congés', startsOn: '2021-01-25', displayDate: 'Fin janvier 2021' },
    { kind: 'leave_registration_deadline' as const, label: 'Date limite d’enregistrement de dates de congés', startsOn: addDays(today, 21) },
    { kind: 'space_closure' as const, label: 'Fermeture de l’Espace sécurisé (maintenance annuelle)', startsOn: addDays(today, 60), endsOn: addDays(today, 62) },
    { kind: 'space_opening' as const, label: 'Réouverture de l’Espace sécurisé', startsOn: addDays(today, 63) },
    {
      kind: 'leave_payments_resume' as const,
      label: 'Reprise des paiements des congés',
      startsOn: resume,
      displayDate: `Fin ${monthsFr[resumeMonth.getUTCMonth()]} ${resumeMonth.getUTCFullYear()}`,
    },
    { kind: 'leave_registration_deadline' as const, label: 'Date limite d’enregistrement de dates de congés', startsOn: addDays(today, 112) },
  ];
}

export const demoCompanies = {
  nancy: {
    kind: 'company' as const,
    siret: '91234567500017',
    name: 'Bâtiments de l’Est Démo SARL',
    addressLine: '24 rue de la Commanderie',
    postcode: '54000',
    city: 'Nancy',
    departmentCode: '54',
    membershipNumber: 'GE-054-000417',
    contactEmail: 'contact@batiments-est.test',
    hadLegacyDelegation: true,
  },
  strasbourg: {
    kind: 'company' as const,
    siret: '92345678400019',
    name: 'Rénovation Rhénane Démo SAS',
    addressLine: '3 rue du Jeu-des-Enfants',
    postcode: '67000',
    city: 'Strasbourg',
    departmentCode: '67',
    membershipNumber: 'GE-067-001523',
    contactEmail: 'gerant@renovation-rhenane.test',
    hadLegacyDelegation: false,
  },
  reims: {
    kind: 'company' as const,
    siret: '94567890200012',
    name: 'Charpentes Champenoises Démo SARL',
    addressLine: '11 rue de Vesle',
    postcode: '51100',
    city: 'Reims',
    departmentCode: '51',
    membershipNumber: 'GE-051-000908',
    contactEmail: 'bureau@charpentes-champenoises.test',
    hadLegacyDelegation: false,
  },
  vosges: {
    kind: 'company' as const,
    siret: '95678901000017',
    name: 'Maçonnerie Vosgienne Démo SARL',
    addressLine: '8 rue de la Préfecture',
    postcode: '88000',
    city: 'Épinal',
    departmentCode: '88',
    membershipNumber: 'GE-088-000312',
    contactEmail: 'contact@maconnerie-vosgienne.test',
    hadLegacyDelegation: false,
  },
  firm: {
    kind: 'accounting_firm' as const,
    siret: '93456789200013',
    name: 'Cabinet Comptable Lorrain Démo',
    addressLine: '2 place Stanislas',
    postcode: '54000',
    city: 'Nancy',
    departmentCode: '54',
    membershipNumber: null,
    contactEmail: 'cabinet@comptable-lorrain.test',
    hadLegacyDelegation: false,
  },
};

export const demoUsers = {
  rhenane: { email: 'gerant@renovation-rhenane.test', password: 'Demo-Rhenane-2026!', firstName: 'Lucas', lastName: 'Weber', company: 'strasbourg' },
  cabinet: { email: 'cabinet@comptable-lorrain.test', password: 'Demo-Cabinet-2026!', firstName: 'Claire', lastName: 'Martin', company: 'firm' },
} as const;

/**
 * Fixed demo letters (dev and tests only): PRODUCT.md's Nancy pair, and a second pair for the Vosges company so that
 * the e2e journey can create a space once per viewport on the same server (each pair works once).
 */
export const demoLetters = {
  nancy: { company: 'nancy', identifier: 'GE-2026-000417', code: 'K7Q4-M2XP' },
  vosges: { company: 'vosges', identifier: 'GE-2026-000588', code: 'M3WX-7PQR' },
} as const;

/** Admin of the Reims company (up to date): signs in to download attestations. */
export const demoAttestationUser = {
  email: 'bureau@charpentes-champenoises.test',
  password: 'Demo-Champagne-2026!',
  firstName: 'Sophie',
  lastName: 'Renard',
} as const;

type WorkerSeed = [lastName: string, firstName: string, birthDate: string, category: 'ouvrier' | 'etam' | 'cadre', hiredOn: string];
const demoWorkers: Record<'nancy' | 'strasbourg' | 'reims', WorkerSeed[]> = {
  nancy: [
    ['Durand', 'Kevin', '1988-03-14', 'ouvrier', '2015-09-01'],
    ['Petit', 'Sandrine', '1979-11-02', 'etam', '2012-02-15'],
    ['Moreau', 'Julien', '1992-06-21', 'ouvrier', '2019-04-01'],
    ['Lambert', 'Mehdi', '1985-01-30', 'ouvrier', '2016-10-03'],
    ['Fontaine', 'Thomas', '1996-08-09', 'ouvrier', '2021-03-15'],
    ['Rousseau', 'Nadia', '1983-12-17', 'cadre', '2010-06-01'],
    ['Girard', 'Paulo', '1975-04-25', 'ouvrier', '2008-01-07'],
    ['Bonnet', 'Léa', '1999-02-11', 'ouvrier', '2023-09-04'],
  ],
  strasbourg: [
    ['Schmitt', 'Marc', '1981-07-19', 'ouvrier', '2014-05-05'],
    ['Meyer', 'Élodie', '1990-10-08', 'etam', '2018-01-02'],
    ['Muller', 'Antoine', '1987-05-27', 'ouvrier', '2017-03-20'],
    ['Klein', 'Yasmine', '1994-09-12', 'ouvrier', '2020-07-01'],
    ['Wagner', 'Hugo', '1972-02-03', 'cadre', '2005-11-14'],
  ],
  reims: [
    ['Lefèvre', 'Damien', '1986-04-04', 'ouvrier', '2013-08-26'],
    ['Roux', 'Manon', '1993-12-29', 'etam', '2019-01-07'],
    ['Chevalier', 'Bruno', '1970-06-16', 'ouvrier', '2002-04-02'],
    ['Perrin', 'Sofiane', '1998-03-08', 'ouvrier', '2022-05-16'],
  ],
};

/** Demo data of PRODUCT.md. Idempotent: natural keys (SIRET, e-mail) decide what already exists. */
export async function seedDemo(db: Db, options: { today?: string; appUrl?: string; lettersSecret?: string } = {}): Promise<void> {
  const today = options.today ?? isoDate(new Date());
  const lettersSecret = options.lettersSecret ?? getEnv().lettersSecret;
  const passwordHashes = Object.fromEntries(
    await Promise.all(Object.entries(demoUsers).map(async ([k, u]) => [k, await hashPassword(u.password)] as const)),
  );
  const letterHashes = await Promise.all(
    Object.values(demoLetters).map(async (l) => ({ ...l, identifierHash: hashIdentifier(l.identifier, lettersSecret), codeHash: await hashCode(l.code) })),
  );
  const champagnePasswordHash = await hashPassword(demoAttestationUser.password);
  await db.transaction(async (tx) => {
    const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(keyDates)) as [{ count: number }];
    if (count === 0) {
      await tx.insert(keyDates).values(demoKeyDates(today));
      // First demo seed: one message in the dev mailbox, so a newcomer sees it works.
      await enqueueMail(tx, {
        template: 'test-email',
        to: 'test@example.test',
        subject: testEmailSubject,
        element: createElement(TestEmail, { caisse: await getMailCaisse(tx), appUrl: options.appUrl ?? 'http://localhost:3000' }),
      });
    }

    const orgId: Record<string, string> = {};
    for (const [key, company] of Object.entries(demoCompanies)) {
      await tx
        .insert(organisations)
        .values({ ...company, activatedAt: key === 'strasbourg' || key === 'firm' ? new Date(`${today}T08:00:00Z`) : null })
        .onConflictDoNothing({ target: organisations.siret });
      const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.siret, company.siret));
      orgId[key] = row!.id;
    }

    for (const [key, u] of Object.entries(demoUsers)) {
      await tx
        .insert(users)
        .values({
          email: u.email,
          passwordHash: passwordHashes[key],
          firstName: u.firstName,
          lastName: u.lastName,
          status: 'active',
          emailVerifiedAt: new Date(`${today}T08:00:00Z`),
        })
        .onConflictDoNothing({ target: users.email });
      const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
      await tx
        .insert(organisationMembers)
        .values({ organisationId: orgId[u.company]!, userId: row!.id, role: 'admin' })
        .onConflictDoNothing();
    }

    // The demo letters, once: a company that already has a credential (used or not) keeps its own.
    for (const l of letterHashes) {
      const organisationId = orgId[l.company]!;
      const existing = await tx
        .select({ id: provisionalCredentials.id })
        .from(provisionalCredentials)
        .where(eq(provisionalCredentials.organisationId, organisationId))
        .limit(1);
      if (existing.length) continue;
      const issuedAt = new Date(`${today}T08:00:00Z`);
      await tx.insert(provisionalCredentials).values({
        organisationId,
        identifierHash: l.identifierHash,
        codeHash: l.codeHash,
        issuedAt,
        expiresAt: new Date(Date.UTC(issuedAt.getUTCFullYear() + 5, issuedAt.getUTCMonth(), issuedAt.getUTCDate(), 8)),
      });
    }

    // Attestations (issue 5): an activated, up-to-date demo company with a login, so that the demo and
    // the e2e suite can download an attestation (the Strasbourg company is not up to date).
    {
      const [row] = await tx
        .insert(users)
        .values({
          email: demoAttestationUser.email,
          passwordHash: champagnePasswordHash,
          firstName: demoAttestationUser.firstName,
          lastName: demoAttestationUser.lastName,
          status: 'active',
          emailVerifiedAt: new Date(`${today}T08:00:00Z`),
        })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (row) {
        await tx.insert(organisationMembers).values({ organisationId: orgId.reims!, userId: row.id, role: 'admin' }).onConflictDoNothing();
        await tx
          .update(organisations)
          .set({ activatedAt: new Date(`${today}T08:00:00Z`) })
          .where(and(eq(organisations.id, orgId.reims!), isNull(organisations.activatedAt)));
      }
    }

    for (const [key, list] of Object.entries(demoWorkers)) {
      const companyId = orgId[key]!;
      const existing = await tx.select({ id: workers.id }).from(workers).where(eq(workers.companyId, companyId)).limit(1);
      if (existing.length) continue;
      await tx.insert(workers).values(
        list.map(([lastName, firstName, birthDate, category, hiredOn]) => ({
          companyId,
          lastName,
          firstName,
          birthDate,
          category,
          hiredOn,
          weeklyHours: category === 'cadre' ? '39' : '35',
        })),
      );
    }

    await seedDemoDeclarations(tx, orgId, today);
  });
}

/** First day (YYYY-MM-01) of the month `offset` months from `day`'s month. */
function monthStart(day: string, offset = 0): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return isoDate(d);
}

const demoMonthlyWagesCents = { ouvrier: 245_000, etam: 285_000, cadre: 420_000 } as const;

/**
 * Twelve months of sent declarations for the three demo companies with workers: the twelve months before
 * the current one. Contributions due (45 days after the end of the month) on or before today are paid by
 * SEPA debit on their due date, except one for the Strasbourg company (September's, or the latest one
 * due), which stays unpaid: PRODUCT.md's "NOT up to date (an unpaid contribution)".
 */
async function seedDemoDeclarations(tx: Db, orgId: Record<string, string>, today: string): Promise<void> {
  const rates = seedContributionRates;
  for (const key of ['nancy', 'strasbourg', 'reims'] as const) {
    const companyId = orgId[key]!;
    const existing = await tx.select({ id: declarations.id }).from(declarations).where(eq(declarations.companyId, companyId)).limit(1);
    if (existing.length) continue;
    const staff = await tx.select().from(workers).where(eq(workers.companyId, companyId)).orderBy(workers.lastName, workers.firstName);
    const duePeriods: string[] = [];
    for (let offset = -12; offset <= -1; offset++) {
      const period = monthStart(today, offset);
      const periodEnd = addDays(monthStart(today, offset + 1), -1);
      const lines = staff
        .filter((w) => w.hiredOn <= periodEnd && (!w.leftOn || w.leftOn >= period))
        .map((w, i) => {
          const rate = rateFor(rates, period, w.category)!;
          const grossWagesCents = demoMonthlyWagesCents[w.category] + i * 3_700;
          return {
            workerId: w.id,
            hoursHundredths: monthlyHoursHundredths(Number(w.weeklyHours)),
            grossWagesCents,
            rateBasisPoints: rate.rateBasisPoints,
            contributionCents: contributionCents(grossWagesCents, rate.rateBasisPoints),
          };
        });
      const sentAt = new Date(`${addDays(monthStart(today, offset + 1), 4)}T09:00:00Z`);
      const [decl] = await tx
        .insert(declarations)
        .values({
          companyId,
          period,
          kind: 'initial',
          status: 'sent',
          number: `DEC-${period.slice(0, 4)}-${String(await nextDeclarationNumber(tx)).padStart(6, '0')}`,
          sentAt,
          totalHoursHundredths: lines.reduce((s, l) => s + l.hoursHundredths, 0),
          totalWagesCents: lines.reduce((s, l) => s + l.grossWagesCents, 0),
          totalContributionCents: lines.reduce((s, l) => s + l.contributionCents, 0),
        })
        .returning({ id: declarations.id, total: declarations.totalContributionCents });
      if (lines.length) await tx.insert(declarationLines).values(lines.map((l) => ({ ...l, declarationId: decl!.id })));
      const dueOn = addDays(periodEnd, 45);
      if (dueOn <= today) duePeriods.push(period);
      if (dueOn <= today) {
        await tx.insert(payments).values({
          companyId,
          period,
          amountCents: decl!.total,
          method: 'sepa_debit',
          status: 'received',
          reference: `PRLV-${key.toUpperCase()}-${period.slice(0, 7)}`,
          announcedAt: new Date(`${dueOn}T06:00:00Z`),
          receivedOn: dueOn,
        });
      }
    }
    if (key === 'strasbourg' && duePeriods.length) {
      // The latest contribution due stays unpaid.
      const unpaid = duePeriods[duePeriods.length - 1]!;
      await tx.delete(payments).where(and(eq(payments.companyId, companyId), eq(payments.period, unpaid)));
    }
  }
}

async function nextDeclarationNumber(tx: Db): Promise<number> {
  const rows = (await tx.execute(sql`select nextval('declaration_number_seq')::int as n`)) as unknown as { n: number }[] | { rows: { n: number }[] };
  const list = Array.isArray(rows) ? rows : rows.rows;
  return list[0]!.n;
}
