import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from 'unpdf';
import { declarationLines, declarations, documents, workers } from '@/db/schema';
import { getMissingDeclarations, getMonthDeclaration, listDeclarationMonths } from '@/lib/declarations/queries';
import { importDeclarationCsv, saveDeclarationDraft, sendDeclaration, type DraftValues } from '@/lib/declarations/mutations';
import { localBackend, readDocument, setStoreBackend } from '@/lib/documents/store';
import type { Db } from '@/db/client';
import { engines, useTestDatabase } from '../support/db';
import { addMember, companyWithAdmin, createUser, firmWithAdmin, insertDelegation } from '../support/access-fixtures';

async function addWorker(db: Db, companyId: string, w: { lastName: string; firstName: string; hiredOn: string; leftOn?: string | null; category?: 'ouvrier' | 'etam' | 'cadre' }) {
  const [row] = await db
    .insert(workers)
    .values({ companyId, lastName: w.lastName, firstName: w.firstName, birthDate: '1985-05-05', category: w.category ?? 'ouvrier', hiredOn: w.hiredOn, leftOn: w.leftOn ?? null })
    .returning();
  return row!;
}

/** A company with two workers employed in November 2026 and one who left in October. */
async function setup(db: Db) {
  const { company, admin } = await companyWithAdmin(db);
  const dupont = await addWorker(db, company.id, { lastName: 'Dupont', firstName: 'Élodie', hiredOn: '2025-03-01' });
  const martin = await addWorker(db, company.id, { lastName: 'Martin', firstName: 'Luc', hiredOn: '2026-11-30', category: 'etam' });
  const gone = await addWorker(db, company.id, { lastName: 'Ancien', firstName: 'Paul', hiredOn: '2024-01-01', leftOn: '2026-10-31' });
  const values: DraftValues = {
    [dupont.id]: { hours: '151,67', wages: '2 450,00' },
    [martin.id]: { hours: '7', wages: '120,50' },
  };
  return { company, admin, dupont, martin, gone, values };
}

const period = '2026-11-01';

describe.each(engines)('declarations (%s)', (engine) => {
  const db = useTestDatabase(engine);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'espace-decl-'));
  beforeAll(() => setStoreBackend(localBackend(dir)));
  afterAll(() => {
    setStoreBackend(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the workers employed in the month, with the rate in force', async () => {
    const { company } = await setup(db());
    const month = await getMonthDeclaration(db(), company.id, period);
    expect(month.workers.map((w) => `${w.lastName} ${w.firstName} ${w.rateBasisPoints}`)).toEqual(['Dupont Élodie 2030', 'Martin Luc 2030']);
    const october = await getMonthDeclaration(db(), company.id, '2026-10-01');
    expect(october.workers.map((w) => w.lastName)).toEqual(['Ancien', 'Dupont']);
  });

  it('saves a draft as typed and reads it back; a second save replaces it', async () => {
    const { company, admin, dupont, values } = await setup(db());
    const first = await saveDeclarationDraft(db(), { companyId: company.id, period, kind: 'initial', values: { [dupont.id]: { hours: '15x', wages: '2 450,00' } }, userId: admin.id });
    expect(first.ok).toBe(true);
    expect((await getMonthDeclaration(db(), company.id, period)).draft?.input).toEqual({ [dupont.id]: { hours: '15x', wages: '2 450,00' } });
    await saveDeclarationDraft(db(), { companyId: company.id, period, kind: 'initial', values, userId: admin.id });
    const month = await getMonthDeclaration(db(), company.id, period);
    expect(month.draft?.input).toEqual(values);
    const rows = await db().select().from(declarations).where(eq(declarations.companyId, company.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'draft', totalWagesCents: 257050, totalContributionCents: 49735 + 2446 });
  });

  it('drops from a draft a worker id that is not one of the month’s workers (another company’s)', async () => {
    const a = await setup(db());
    const b = await setup(db());
    await saveDeclarationDraft(db(), { companyId: a.company.id, period, kind: 'initial', values: { ...a.values, [b.dupont.id]: { hours: '1', wages: '1' } }, userId: a.admin.id });
    expect(Object.keys((await getMonthDeclaration(db(), a.company.id, period)).draft!.input).sort()).toEqual([a.dupont.id, a.martin.id].sort());
  });

  it('refuses to send with a missing or wrong figure, field by field, and sends nothing', async () => {
    const { company, admin, dupont, martin } = await setup(db());
    const result = await sendDeclaration(db(), {
      companyId: company.id, period, kind: 'initial', userId: admin.id, idempotencyKey: crypto.randomUUID(),
      values: { [dupont.id]: { hours: '151,67', wages: 'deux mille' } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({ [`wages_${dupont.id}`]: expect.stringContaining('n’est pas un nombre'), [`hours_${martin.id}`]: 'Indiquez les heures travaillées (0 si aucune).' });
    expect(await db().select().from(declarations).where(eq(declarations.companyId, company.id))).toHaveLength(0);
  });

  it('sends a declaration: server-computed lines and totals, a number, the draft gone, a decryptable receipt', async () => {
    const { company, admin, values } = await setup(db());
    await saveDeclarationDraft(db(), { companyId: company.id, period, kind: 'initial', values, userId: admin.id });
    const result = await sendDeclaration(db(), { companyId: company.id, period, kind: 'initial', userId: admin.id, idempotencyKey: crypto.randomUUID(), values, now: new Date('2026-11-27T13:05:00Z') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const d = result.declaration;
    expect(d.number).toMatch(/^DEC-2026-\d{6}$/);
    expect(d).toMatchObject({ kind: 'initial', lineCount: 2, totalHoursHundredths: 15867, totalWagesCents: 257050, totalContributionCents: 52181 });
    const lines = await db().select().from(declarationLines).where(eq(declarationLines.declarationId, d.id));
    expect(lines.map((l) => l.contributionCents).sort((x, y) => x - y)).toEqual([2446, 49735]);
    const all = await db().select({ status: declarations.status }).from(declarations).where(eq(declarations.companyId, company.id));
    expect(all).toEqual([{ status: 'sent' }]);

    expect(d.receiptId).not.toBeNull();
    const doc = await readDocument(db(), company.id, d.receiptId!);
    expect(doc).toMatchObject({ kind: 'declaration_receipt', sourceId: d.id, contentType: 'application/pdf' });
    const onDisk = fs.readFileSync(path.join(dir, doc!.storageKey));
    expect(onDisk.subarray(0, 4).toString()).toBe('ESD1');
    const { text } = await extractText(new Uint8Array(doc!.bytes), { mergePages: true });
    const flat = (text as string).replace(/\s+/g, ' ');
    expect(flat).toContain('Accusé de réception');
    expect(flat).toContain(d.number);
    expect(flat).toContain('27 novembre 2026 à 14 h 05');
    expect(flat).toContain('novembre 2026');
    expect(flat).toContain('521,81');
    expect(flat).toContain('14 janvier 2027'); // 30 November + 45 days
    // Another company does not read it.
    const other = await companyWithAdmin(db());
    expect(await readDocument(db(), other.company.id, d.receiptId!)).toBeNull();
  });

  it('sends once when the same request arrives twice at the same time, and a retry returns the same declaration', async () => {
    const { company, admin, values } = await setup(db());
    const key = crypto.randomUUID();
    const input = { companyId: company.id, period, kind: 'initial' as const, userId: admin.id, idempotencyKey: key, values };
    const [a, b] = await Promise.all([sendDeclaration(db(), input), sendDeclaration(db(), input)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.declaration.id).toBe(b.declaration.id);
    const retry = await sendDeclaration(db(), input);
    expect(retry.ok && retry.declaration.id).toBe(a.declaration.id);
    expect(retry.ok && retry.replayed).toBe(true);
    const sent = await db().select().from(declarations).where(and(eq(declarations.companyId, company.id), eq(declarations.status, 'sent')));
    expect(sent).toHaveLength(1);
    expect(await db().select().from(documents).where(eq(documents.companyId, company.id))).toHaveLength(1);
  });

  it('sends once when two tabs send the same month at the same time (different keys)', async () => {
    const { company, admin, values } = await setup(db());
    const input = { companyId: company.id, period, kind: 'initial' as const, userId: admin.id, values };
    const results = await Promise.all([
      sendDeclaration(db(), { ...input, idempotencyKey: crypto.randomUUID() }),
      sendDeclaration(db(), { ...input, idempotencyKey: crypto.randomUUID() }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.code).toMatch(/already_sent/);
    expect(await db().select().from(declarations).where(and(eq(declarations.companyId, company.id), eq(declarations.status, 'sent')))).toHaveLength(1);
  });

  it('corrects a sent month: a corrective declaration referring to it, pre-filled, whose totals replace the previous ones', async () => {
    const { company, admin, dupont, martin, values } = await setup(db());
    const first = await sendDeclaration(db(), { companyId: company.id, period, kind: 'initial', userId: admin.id, idempotencyKey: crypto.randomUUID(), values });
    if (!first.ok) throw new Error(first.message);
    // A second initial declaration of the month is refused.
    const again = await sendDeclaration(db(), { companyId: company.id, period, kind: 'initial', userId: admin.id, idempotencyKey: crypto.randomUUID(), values });
    expect(again.ok ? 'sent' : again.code).toBe('already_sent');

    const month = await getMonthDeclaration(db(), company.id, period);
    expect(month.current?.id).toBe(first.declaration.id);
    expect(month.currentLines).toHaveLength(2);
    const corrected = { ...values, [martin.id]: { hours: '14', wages: '241,00' } };
    await saveDeclarationDraft(db(), { companyId: company.id, period, kind: 'corrective', values: corrected, userId: admin.id });
    const result = await sendDeclaration(db(), { companyId: company.id, period, kind: 'corrective', userId: admin.id, idempotencyKey: crypto.randomUUID(), values: corrected });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.declaration).toMatchObject({ kind: 'corrective', correctsId: first.declaration.id, totalWagesCents: 245000 + 24100, totalContributionCents: 49735 + 4892 });

    const after = await getMonthDeclaration(db(), company.id, period);
    expect(after.history.map((h) => h.kind)).toEqual(['initial', 'corrective']);
    expect(after.current?.id).toBe(result.declaration.id);
    expect(after.draft).toBeNull();
    const months = await listDeclarationMonths(db(), company.id, '2026-12-03');
    expect(months.find((m) => m.period === period)).toMatchObject({ corrections: 1, current: { id: result.declaration.id } });
    // The same corrected declaration cannot be corrected twice (a stale page): the chain never forks.
    const stale = await sendDeclaration(db(), { companyId: company.id, period, kind: 'corrective', userId: admin.id, idempotencyKey: crypto.randomUUID(), values: corrected });
    expect(stale.ok).toBe(true); // corrects the correction, which is now in force
    if (stale.ok) expect(stale.declaration.correctsId).toBe(result.declaration.id);
    void dupont;
  });

  it('imports a CSV: the good rows go into the draft, the others are reported with their line numbers', async () => {
    const { company, admin, dupont, martin } = await setup(db());
    const csv = ['nom;prenom;heures;salaire_brut', 'DUPONT;elodie;151,67;2 450,00', 'Inconnu;Jean;10;100', 'Martin;Luc;abc;120,50', ''].join('\n');
    const result = await importDeclarationCsv(db(), { companyId: company.id, period, kind: 'initial', content: csv, userId: admin.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.imported).toBe(1);
    expect(result.rows.map((r) => [r.line, r.ok])).toEqual([[2, true], [3, false], [4, false]]);
    const draft = (await getMonthDeclaration(db(), company.id, period)).draft!;
    expect(draft.input).toEqual({ [dupont.id]: { hours: '151,67', wages: '2 450,00' } });
    expect(draft.input[martin.id]).toBeUndefined();
  });

  it('lists the months not declared: due at the start of the next month, from the first hire or twelve months back', async () => {
    const { company, admin, values } = await setup(db());
    // First hire 2024-01-01 (the worker who left): the twelve months before December 2026.
    expect((await getMissingDeclarations(db(), company.id, '2026-11-30')).map((m) => m.period)).toHaveLength(12);
    const dec = await getMissingDeclarations(db(), company.id, '2026-12-01');
    expect(dec.at(-1)).toEqual({ period: '2026-11-01', dueOn: '2026-12-01' });
    expect(dec[0]!.period).toBe('2025-12-01');
    await sendDeclaration(db(), { companyId: company.id, period, kind: 'initial', userId: admin.id, idempotencyKey: crypto.randomUUID(), values });
    expect((await getMissingDeclarations(db(), company.id, '2026-12-01')).map((m) => m.period)).not.toContain(period);
    const fresh = await companyWithAdmin(db());
    await addWorker(db(), fresh.company.id, { lastName: 'Neuf', firstName: 'Ana', hiredOn: '2026-10-15' });
    expect(await getMissingDeclarations(db(), fresh.company.id, '2026-12-01')).toEqual([
      { period: '2026-10-01', dueOn: '2026-11-01' },
      { period: '2026-11-01', dueOn: '2026-12-01' },
    ]);
  });

  it('scopes everything by company: another company’s month shows none of these declarations', async () => {
    const a = await setup(db());
    const b = await companyWithAdmin(db());
    await sendDeclaration(db(), { companyId: a.company.id, period, kind: 'initial', userId: a.admin.id, idempotencyKey: crypto.randomUUID(), values: a.values });
    const month = await getMonthDeclaration(db(), b.company.id, period);
    expect(month.workers).toEqual([]);
    expect(month.current).toBeNull();
    // b cannot send a's workers' lines either: unknown ids are dropped, no worker → nothing to declare.
    const forged = await sendDeclaration(db(), { companyId: b.company.id, period, kind: 'initial', userId: b.admin.id, idempotencyKey: crypto.randomUUID(), values: a.values });
    expect(forged.ok ? 'sent' : forged.code).toBe('no_workers');
  });
});

describe.each(engines)('declarations: who may see them, and reminders (%s)', (engine) => {
  const db = useTestDatabase(engine);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'espace-decl-'));
  beforeAll(() => setStoreBackend(localBackend(dir)));
  afterAll(() => {
    setStoreBackend(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('another company gets neither the declaration nor its receipt; rights and delegations decide the area', async () => {
    const { authorize } = await import('@/lib/access');
    const { getReceipt, getSentDeclaration } = await import('@/lib/declarations/queries');
    const a = await setup(db());
    const sent = await sendDeclaration(db(), { companyId: a.company.id, period, kind: 'initial', userId: a.admin.id, idempotencyKey: crypto.randomUUID(), values: a.values });
    if (!sent.ok) throw new Error(sent.message);
    const b = await companyWithAdmin(db());
    expect(await getSentDeclaration(db(), b.company.id, sent.declaration.id)).toBeNull();
    expect(await getReceipt(db(), b.company.id, sent.declaration.id)).toBeNull();
    expect((await getReceipt(db(), a.company.id, sent.declaration.id))?.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const now = new Date('2026-11-27T10:00:00Z');
    const may = async (userId: string, action: 'read' | 'write') => (await authorize(db(), { userId, companyId: a.company.id, area: 'declarations', action, now })).allowed;
    const reader = await createUser(db());
    await addMember(db(), a.company.id, reader.id, 'collaborator', { declarations: 'read' });
    const without = await createUser(db());
    await addMember(db(), a.company.id, without.id, 'collaborator', { payments: 'write' });
    const undelegated = await firmWithAdmin(db());
    const delegated = await firmWithAdmin(db());
    await insertDelegation(db(), { companyId: a.company.id, firmId: delegated.firm.id, areas: { declarations: 'write' }, status: 'active' });
    expect([await may(b.admin.id, 'read'), await may(without.id, 'read'), await may(undelegated.admin.id, 'read')]).toEqual([false, false, false]);
    expect([await may(reader.id, 'read'), await may(reader.id, 'write')]).toEqual([true, false]);
    expect(await may(delegated.admin.id, 'write')).toBe(true);
  });

  it('reminds administrators, collaborators with the right and delegated firms before a month falls due and when months are overdue, once each', async () => {
    const { collectDeclarationReminders } = await import('@/lib/declarations/reminders');
    const { sendReminders } = await import('@/lib/reminders');
    const { mailOutbox } = await import('@/db/schema');
    const a = await setup(db()); // first hire 2024-01-01: November 2025 … October 2026 due at 27 November 2026
    // Everything declared up to September 2026: October is overdue.
    for (let m = 0; m < 11; m++) {
      const p = new Date(Date.UTC(2025, 10 + m, 1)).toISOString().slice(0, 10);
      const month = await getMonthDeclaration(db(), a.company.id, p);
      const values = Object.fromEntries(month.workers.map((w) => [w.id, { hours: '151,67', wages: '2000' }]));
      const r = await sendDeclaration(db(), { companyId: a.company.id, period: p, kind: 'initial', userId: a.admin.id, idempotencyKey: crypto.randomUUID(), values });
      if (!r.ok) throw new Error(`${p}: ${r.message}`);
    }
    const collaborator = await createUser(db());
    await addMember(db(), a.company.id, collaborator.id, 'collaborator', { declarations: 'write' });
    const disabledAdmin = await createUser(db(), { status: 'disabled' });
    await addMember(db(), a.company.id, disabledAdmin.id, 'admin');
    const delegated = await firmWithAdmin(db());
    await insertDelegation(db(), { companyId: a.company.id, firmId: delegated.firm.id, areas: { declarations: 'read' }, status: 'active' });
    const paymentsOnly = await firmWithAdmin(db());
    await insertDelegation(db(), { companyId: a.company.id, firmId: paymentsOnly.firm.id, areas: { payments: 'write' }, status: 'active' });

    const options = { daysBefore: 5, appUrl: 'https://espace.test' };
    const ofA = async (today: string) => (await collectDeclarationReminders(db(), today, options)).filter((r) => r.companyId === a.company.id);
    const due = await ofA('2026-11-27');
    const summary = due.map((r) => `${r.key.split(':')[0]} ${r.key.split(':')[2]} ${r.to}`.toLowerCase()).sort();
    expect(summary).toEqual(
      [
        `declaration-due 2026-11-01 ${a.admin.email}`,
        `declaration-due 2026-11-01 ${collaborator.email}`,
        `declaration-due 2026-11-01 ${delegated.admin.email}`,
        `declaration-overdue 2026-10-01 ${a.admin.email}`,
        `declaration-overdue 2026-10-01 ${collaborator.email}`,
        `declaration-overdue 2026-10-01 ${delegated.admin.email}`,
      ].map((line) => line.toLowerCase()).sort(),
    );
    const overdue = due.find((r) => r.key.startsWith('declaration-overdue'))!;
    expect(overdue.subject).toBe(`Déclaration en retard : octobre 2026 – ${a.company.name}`);
    expect(due.find((r) => r.key.startsWith('declaration-due'))!.subject).toBe(`Rappel : déclaration de novembre 2026 attendue le 1er décembre 2026 – ${a.company.name}`);
    // Eleven days before the 1st: only the overdue month.
    expect((await ofA('2026-11-20')).every((r) => r.key.startsWith('declaration-overdue'))).toBe(true);

    const source = { name: 'déclarations', collect: (d: Db, today: string) => collectDeclarationReminders(d, today, options).then((rs) => rs.filter((r) => r.companyId === a.company.id)) };
    expect(await sendReminders(db(), [source], '2026-11-27')).toEqual([{ source: 'déclarations', due: 6, sent: 6 }]);
    expect(await sendReminders(db(), [source], '2026-11-28')).toEqual([{ source: 'déclarations', due: 6, sent: 0 }]);
    const mail = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, a.admin.email.toLowerCase()));
    expect(mail.map((m) => m.template)).toEqual(['declaration-reminder', 'declaration-reminder']);
    expect(mail.some((m) => m.text.includes('https://espace.test/espace/declarations/2026-10'))).toBe(true);
  });
});
