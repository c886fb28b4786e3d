import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { declarations, documents, organisations, payments, sepaMandates } from '@/db/schema';
import { demoCompanies, seedDemo } from '@/db/seed';
import { authorize } from '@/lib/access';
import { attempt } from '@/lib/access/result';
import { runCaisseCli } from '@/lib/caisse-cli';
import { getUpToDateStatus } from '@/lib/companies/status';
import { localBackend, readDocument, setStoreBackend } from '@/lib/documents/store';
import { getMandatePdf, produceStatementPdf } from '@/lib/payments/documents';
import { confirmPayment, registerMandate } from '@/lib/payments/mutations';
import { getDebitState, getMandate } from '@/lib/payments/queries';
import { getAccountStatement } from '@/lib/payments/statement';
import { engines, useTestDatabase } from '../support/db';
import { readPdfText } from '../support/pdf';
import { actorOf, addMember, companyWithAdmin, createUser, firmWithAdmin, insertDelegation } from '../support/access-fixtures';

const at = (day: string) => new Date(`${day}T10:00:00Z`);

/** The CLI in-process against the test database: what the caisse staff would see, and the exit code. */
function caisse(db: () => Db, today = '2026-11-27') {
  return async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCaisseCli(argv, { out: (l = '') => out.push(l), err: (l = '') => err.push(l), getDb: async () => db(), cwd: process.cwd(), now: () => at(today) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}

describe.each(engines)('payments, relevé de compte and « à jour » status (%s)', (engine) => {
  const db = useTestDatabase(engine);
  const ids = { nancy: '', strasbourg: '', reims: '' };

  beforeAll(async () => {
    await seedDemo(db(), { today: '2026-11-27' });
    for (const key of ['nancy', 'strasbourg', 'reims'] as const) {
      const [row] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.siret, demoCompanies[key].siret));
      ids[key] = row!.id;
    }
  });

  /** A company with sent declarations (period → contribution cents) and payments received (period → received on). */
  async function companyWith(declared: Record<string, number>, paid: Record<string, string> = {}) {
    const { company, admin } = await companyWithAdmin(db());
    for (const [period, total] of Object.entries(declared)) {
      await db()
        .insert(declarations)
        .values({ companyId: company.id, period, status: 'sent', sentAt: at(`${period.slice(0, 8)}05`), totalContributionCents: total, number: null });
      const receivedOn = paid[period];
      if (receivedOn) await db().insert(payments).values({ companyId: company.id, period, amountCents: total, method: 'transfer', status: 'received', receivedOn });
    }
    return { company, admin };
  }

  describe('the demo companies', () => {
    it('Nancy and Reims are up to date, Strasbourg is not: September 2026 is unpaid, with its penalty', async () => {
      expect(await getUpToDateStatus(db(), ids.nancy, at('2026-11-27'))).toEqual({ upToDate: true });
      expect(await getUpToDateStatus(db(), ids.reims, at('2026-11-27'))).toEqual({ upToDate: true });
      const statement = await getAccountStatement(db(), ids.strasbourg, '2026-11-27');
      expect(statement.months).toHaveLength(12);
      const september = statement.months.find((m) => m.period === '2026-09-01')!;
      expect(september).toMatchObject({ dueOn: '2026-11-14', receivedCents: 0, monthsLate: 1, isOverdue: true });
      expect(september.penaltyCents).toBe(Math.floor((september.dueCents * 100 + 5000) / 10000));
      expect(september.balanceCents).toBe(september.dueCents + september.penaltyCents);
      expect(statement.totals.balanceCents).toBe(september.balanceCents + statement.months.find((m) => m.period === '2026-10-01')!.dueCents);
      expect(statement.nextDue).toMatchObject({ period: '2026-10-01', dueOn: '2026-12-15' });
      const status = await getUpToDateStatus(db(), ids.strasbourg, at('2026-11-27'));
      expect(status).toEqual({
        upToDate: false,
        reasons: [
          {
            kind: 'amount_unpaid',
            label: expect.stringMatching(/^Cotisation de septembre 2026 impayée : [\d\s]+,\d\d\s€ à régler \(échéance du 14\/11\/2026\)$/),
            href: '/espace/paiements',
          },
        ],
      });
    });
  });

  describe('« à jour » for each reason (clock injected)', () => {
    it('none: every month declared and every contribution due paid', async () => {
      const { company } = await companyWith(
        { '2026-01-01': 10_000, '2026-02-01': 20_000, '2026-03-01': 30_000, '2026-04-01': 40_000 },
        { '2026-01-01': '2026-03-10', '2026-02-01': '2026-04-14', '2026-03-01': '2026-05-15' },
      );
      // April is declared (deadline 15 May), and due on 14 June only.
      expect(await getUpToDateStatus(db(), company.id, at('2026-05-20'))).toEqual({ upToDate: true });
      // On its due date a contribution is not yet late; the day after it is.
      expect(await getUpToDateStatus(db(), company.id, at('2026-06-14'))).toEqual({ upToDate: true });
      expect(await getUpToDateStatus(db(), company.id, at('2026-06-15'))).toMatchObject({ upToDate: false, reasons: [{ kind: 'amount_unpaid' }] });
      // May's declaration was due by 15 June.
      expect(await getUpToDateStatus(db(), company.id, at('2026-06-16'))).toMatchObject({ upToDate: false, reasons: [{ kind: 'declaration_missing' }, { kind: 'amount_unpaid' }] });
    });

    it('a month not declared after its deadline', async () => {
      const { company } = await companyWith({ '2026-01-01': 10_000, '2026-02-01': 20_000, '2026-04-01': 40_000 }, { '2026-01-01': '2026-03-10', '2026-02-01': '2026-04-10' });
      expect(await getUpToDateStatus(db(), company.id, at('2026-05-20'))).toEqual({
        upToDate: false,
        reasons: [{ kind: 'declaration_missing', label: 'Déclaration de mars 2026 non envoyée (date limite : 15/04/2026)', href: '/espace/declarations/2026-03' }],
      });
    });

    it('an amount unpaid after its due date', async () => {
      const { company } = await companyWith({ '2026-01-01': 10_000, '2026-02-01': 20_000, '2026-03-01': 30_000 }, { '2026-01-01': '2026-03-10' });
      const status = await getUpToDateStatus(db(), company.id, at('2026-04-20'));
      expect(status).toEqual({
        upToDate: false,
        reasons: [{ kind: 'amount_unpaid', label: 'Cotisation de février 2026 impayée : 202,00\u00a0€ à régler (échéance du 14/04/2026)', href: '/espace/paiements' }],
      });
    });

    it('both, the missing declarations first', async () => {
      const { company } = await companyWith({ '2026-01-01': 10_000, '2026-03-01': 30_000 });
      const status = await getUpToDateStatus(db(), company.id, at('2026-04-20'));
      expect(status.upToDate).toBe(false);
      if (status.upToDate) return;
      expect(status.reasons.map((r) => [r.kind, r.href])).toEqual([
        ['declaration_missing', '/espace/declarations/2026-02'],
        ['amount_unpaid', '/espace/paiements'],
      ]);
    });

    it('a corrective declaration replaces the initial one: its amount is the one due', async () => {
      const { company } = await companyWith({ '2026-01-01': 10_000 }, { '2026-01-01': '2026-03-01' });
      await db().insert(declarations).values({ companyId: company.id, period: '2026-01-01', kind: 'corrective', status: 'sent', sentAt: at('2026-02-20'), totalContributionCents: 12_500 });
      const statement = await getAccountStatement(db(), company.id, '2026-03-10');
      expect(statement.months[0]).toMatchObject({ dueCents: 12_500, receivedCents: 10_000, balanceCents: 2_500, isOverdue: false, declaration: { kind: 'corrective' } });
      expect((await getUpToDateStatus(db(), company.id, at('2026-03-17'))).upToDate).toBe(false);
    });
  });

  describe('the company confirms a payment online', () => {
    it('records it as announced: shown on the relevé, not counted as received; a double click announces once', async () => {
      const { company, admin } = await companyWith({ '2026-09-01': 50_000 });
      const input = { companyId: company.id, period: '2026-09-01', amountCents: 50_000, method: 'transfer' as const, idempotencyKey: 'form-key-1', reference: 'COT-X-202609', actor: actorOf(admin.id, company.id) };
      const [a, b] = await Promise.all([confirmPayment(db(), input), confirmPayment(db(), input)]);
      expect(a.id).toBe(b.id);
      expect([a.isNew, b.isNew].sort()).toEqual([false, true]);
      expect((await confirmPayment(db(), input)).isNew).toBe(false);
      const rows = await db().select().from(payments).where(eq(payments.companyId, company.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'announced', method: 'transfer', amountCents: 50_000, announcedByUserId: admin.id });
      const statement = await getAccountStatement(db(), company.id, '2026-11-20');
      expect(statement.months[0]).toMatchObject({ announcedCents: 50_000, receivedCents: 0, balanceCents: 50_500, isOverdue: true });
    });

    it('refuses a month without a sent declaration', async () => {
      const { company, admin } = await companyWith({ '2026-09-01': 50_000 });
      const result = await attempt(() =>
        confirmPayment(db(), { companyId: company.id, period: '2026-08-01', amountCents: 100, method: 'transfer', idempotencyKey: 'k', reference: null, actor: actorOf(admin.id, company.id) }),
      );
      expect(result).toMatchObject({ ok: false, code: 'no_declaration', field: 'period' });
    });
  });

  describe('caisse CLI', () => {
    it('record-payment settles an unpaid month (and matches the company’s announcement)', async () => {
      const { company, admin } = await companyWith({ '2026-09-01': 123_456, '2026-10-01': 10_000 });
      await confirmPayment(db(), { companyId: company.id, period: '2026-09-01', amountCents: 124_691, method: 'transfer', idempotencyKey: 'k1', reference: null, actor: actorOf(admin.id, company.id) });
      expect((await getUpToDateStatus(db(), company.id, at('2026-11-27'))).upToDate).toBe(false);
      const run = caisse(db);
      const result = await run('record-payment', '--siret', company.siret, '--periode', '2026-09', '--montant', '1246,91', '--date', '2026-11-27');
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(result.out).toContain('1\u202f246,91');
      expect(result.out).toContain('paiement annoncé en ligne');
      const rows = await db().select().from(payments).where(eq(payments.companyId, company.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'received', receivedOn: '2026-11-27' });
      // 1 234,56 € + 1 % for the month started after 14/11 = 1 246,91 €: nothing left.
      const statement = await getAccountStatement(db(), company.id, '2026-11-27');
      expect(statement.months.find((m) => m.period === '2026-09-01')).toMatchObject({ penaltyCents: 1235, balanceCents: 0, isOverdue: false });
      expect(await getUpToDateStatus(db(), company.id, at('2026-11-27'))).toEqual({ upToDate: true });
    });

    it('record-payment explains its mistakes', async () => {
      const run = caisse(db);
      expect(await run('record-payment', '--siret', '12345678901234', '--periode', '2026-09', '--montant', '10')).toMatchObject({ code: 1, err: expect.stringContaining('SIRET') });
      expect(await run('record-payment', '--siret', demoCompanies.nancy.siret, '--periode', '2026-13', '--montant', '10')).toMatchObject({ code: 1, err: expect.stringContaining('AAAA-MM') });
      expect(await run('record-payment', '--siret', demoCompanies.nancy.siret, '--periode', '2026-09', '--montant', 'dix')).toMatchObject({ code: 1, err: expect.stringContaining('--montant') });
      expect(await run('record-payment', '--siret', demoCompanies.nancy.siret, '--periode', '2030-01', '--montant', '10')).toMatchObject({ code: 1, err: expect.stringContaining('Aucune déclaration') });
    });

    it('record-rejection switches automatic debit off, with the reason the company sees; enable-debit switches it back on', async () => {
      const { company, admin } = await companyWith({ '2026-08-01': 80_000, '2026-09-01': 90_000 });
      const mandate = await registerMandate(db(), { companyId: company.id, iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP', actor: actorOf(admin.id, company.id) });
      expect((await getDebitState(db(), company.id)).isDebitActive).toBe(true);
      const run = caisse(db);
      expect((await run('record-payment', '--siret', company.siret, '--periode', '2026-09', '--montant', '900', '--date', '2026-11-14')).code).toBe(0);
      const [debit] = await db().select().from(payments).where(eq(payments.companyId, company.id));
      expect(debit).toMatchObject({ method: 'sepa_debit', status: 'received' });

      const rejected = await run('record-rejection', '--siret', company.siret, '--periode', '2026-09', '--motif', 'Provision insuffisante', '--date', '2026-11-18');
      expect(rejected.err).toBe('');
      expect(rejected.code).toBe(0);
      expect(rejected.out).toContain('désactivé');
      const [after] = await db().select().from(payments).where(eq(payments.id, debit!.id));
      expect(after).toMatchObject({ status: 'rejected', rejectedOn: '2026-11-18', rejectionReason: 'Provision insuffisante' });

      // What the page shows: debit off and why; the month unpaid again.
      const state = await getDebitState(db(), company.id);
      expect(state).toMatchObject({ isDebitActive: false, suspension: { reason: 'Provision insuffisante' }, mandate: { rum: mandate.rum } });
      const statement = await getAccountStatement(db(), company.id, '2026-11-27');
      const september = statement.months.find((m) => m.period === '2026-09-01')!;
      expect(september).toMatchObject({ receivedCents: 0, isOverdue: true, payments: [{ status: 'rejected', rejectionReason: 'Provision insuffisante' }] });
      const status = await getUpToDateStatus(db(), company.id, at('2026-11-27'));
      expect(status.upToDate ? [] : status.reasons).toContainEqual(expect.objectContaining({ kind: 'amount_unpaid', label: expect.stringContaining('septembre 2026') }));

      // A new mandate does not switch debit back on: only the caisse does.
      await registerMandate(db(), { companyId: company.id, iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', actor: actorOf(admin.id, company.id) });
      expect((await getDebitState(db(), company.id)).isDebitActive).toBe(false);
      // A rejection with no debit recorded for the month still switches debit off (and records the amount due).
      const second = await run('record-rejection', '--siret', company.siret, '--periode', '2026-08', '--motif', 'Compte clôturé');
      expect(second.code).toBe(0);
      expect(second.out).toContain('déjà désactivé');

      const enabled = await run('enable-debit', '--siret', company.siret);
      expect(enabled).toMatchObject({ code: 0, out: expect.stringContaining('réactivé') });
      expect(await getDebitState(db(), company.id)).toMatchObject({ isDebitActive: true, suspension: null });
      expect((await run('enable-debit', '--siret', company.siret)).out).toContain('rien n’a changé');
    });
  });

  describe('SEPA mandate', () => {
    it('gets a unique reference per company and replaces the previous one', async () => {
      const { company, admin } = await companyWithAdmin(db());
      await db().update(organisations).set({ membershipNumber: `GE-054-${company.id.slice(0, 6)}` }).where(eq(organisations.id, company.id));
      const first = await registerMandate(db(), { companyId: company.id, iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', actor: actorOf(admin.id, company.id) });
      const second = await registerMandate(db(), { companyId: company.id, iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', actor: actorOf(admin.id, company.id) });
      expect(first.rum).toBe(`CIBTPGE-GE-054-${company.id.slice(0, 6).toUpperCase()}-001`);
      expect(second.rum).toBe(`CIBTPGE-GE-054-${company.id.slice(0, 6).toUpperCase()}-002`);
      const rows = await db().select({ rum: sepaMandates.rum, status: sepaMandates.status }).from(sepaMandates).where(eq(sepaMandates.companyId, company.id)).orderBy(sepaMandates.rum);
      expect(rows).toEqual([
        { rum: first.rum, status: 'replaced' },
        { rum: second.rum, status: 'active' },
      ]);
      const bad = await attempt(() => registerMandate(db(), { companyId: company.id, iban: 'FR7630006000011234567890188', bic: 'AGRIFRPP', actor: actorOf(admin.id, company.id) }));
      expect(bad).toMatchObject({ ok: false, field: 'iban' });
      const mismatch = await attempt(() => registerMandate(db(), { companyId: company.id, iban: 'FR7630006000011234567890189', bic: 'COBADEFF', actor: actorOf(admin.id, company.id) }));
      expect(mismatch).toMatchObject({ ok: false, field: 'bic' });
    });
  });

  describe('PDFs stored in « Mes documents »', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'espace-pay-docs-'));
    beforeAll(() => setStoreBackend(localBackend(dir)));
    afterAll(() => {
      setStoreBackend(undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('the statement is stored at each download; the mandate once, then its stored bytes; another company gets nothing', async () => {
      const file = await produceStatementPdf(db(), { companyId: ids.strasbourg, userId: (await companyWithAdmin(db())).admin.id, today: '2026-11-27' });
      expect(file!.fileName).toBe('releve-de-compte-2026-11-27.pdf');
      const text = (await readPdfText(file!.bytes)).replace(/\s+/g, ' ');
      expect(text).toContain('Relevé de compte au 27/11/2026');
      expect(text).toContain('Rénovation Rhénane Démo SAS');
      expect(text).toContain('septembre 2026');
      const [stored] = await db().select().from(documents).where(and(eq(documents.companyId, ids.strasbourg), eq(documents.kind, 'account_statement')));
      expect(stored).toMatchObject({ title: 'Relevé de compte au 27/11/2026', contentType: 'application/pdf' });
      expect((await readDocument(db(), ids.strasbourg, stored!.id))!.bytes.equals(file!.bytes)).toBe(true);

      const { company, admin } = await companyWith({ '2026-09-01': 50_000 });
      const mandate = await registerMandate(db(), { companyId: company.id, iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', actor: actorOf(admin.id, company.id) });
      const first = await getMandatePdf(db(), { companyId: company.id, mandateId: mandate.id, userId: admin.id });
      const second = await getMandatePdf(db(), { companyId: company.id, mandateId: mandate.id, userId: admin.id });
      expect(second!.bytes.equals(first!.bytes)).toBe(true);
      const mandateText = (await readPdfText(first!.bytes)).replace(/\s+/g, ' ');
      expect(mandateText).toContain(mandate.rum);
      expect(mandateText).toContain('FR72ZZZ123456');
      expect(mandateText).toContain('FR76 3000 6000 0112 3456 7890 189');
      expect(await db().select({ id: documents.id }).from(documents).where(and(eq(documents.companyId, company.id), eq(documents.kind, 'sepa_mandate')))).toHaveLength(1);
      expect(await getMandatePdf(db(), { companyId: ids.nancy, mandateId: mandate.id, userId: admin.id })).toBeNull();
    });
  });

  describe('tenant scoping', () => {
    it('another company, a collaborator without the right and a firm without delegation get nothing', async () => {
      const { company, admin } = await companyWith({ '2026-09-01': 50_000 });
      const mandate = await registerMandate(db(), { companyId: company.id, iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', actor: actorOf(admin.id, company.id) });
      const other = await companyWithAdmin(db());
      // The mandate (and its PDF) is looked up within the acting company only: another company's id → nothing (404).
      expect(await getMandate(db(), other.company.id, mandate.id)).toBeNull();
      expect(await getMandate(db(), company.id, mandate.id)).not.toBeNull();
      // Another company's statement never holds this company's rows.
      expect((await getAccountStatement(db(), other.company.id, '2026-11-27')).months).toEqual([]);

      const collaborator = await createUser(db());
      await addMember(db(), company.id, collaborator.id, 'collaborator', { declarations: 'write' });
      const reader = await createUser(db());
      await addMember(db(), company.id, reader.id, 'collaborator', { payments: 'read' });
      const { firm, admin: firmAdmin } = await firmWithAdmin(db());
      const delegatedFirm = await firmWithAdmin(db());
      await insertDelegation(db(), { companyId: company.id, firmId: firm.id, areas: { declarations: 'write' }, status: 'active' });
      await insertDelegation(db(), { companyId: company.id, firmId: delegatedFirm.firm.id, areas: { payments: 'write' }, status: 'active' });
      const decide = (userId: string, action: 'read' | 'write') => authorize(db(), { userId, companyId: company.id, area: 'payments', action, ip: '127.0.0.1' });
      expect((await decide(other.admin.id, 'read')).allowed).toBe(false);
      expect((await decide(collaborator.id, 'read')).allowed).toBe(false);
      expect((await decide(firmAdmin.id, 'read')).allowed).toBe(false);
      expect((await decide(reader.id, 'read')).allowed).toBe(true);
      expect((await decide(reader.id, 'write')).allowed).toBe(false);
      expect((await decide(delegatedFirm.admin.id, 'write')).allowed).toBe(true);
      expect((await decide(admin.id, 'write')).allowed).toBe(true);
      expect(await db().select().from(payments).where(and(eq(payments.companyId, other.company.id)))).toEqual([]);
    });
  });
});
