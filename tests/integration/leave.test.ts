import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, declarationLines, declarations, documents, leaves, mailOutbox, organisations, users, workers } from '@/db/schema';
import { readDocument, setStoreBackend } from '@/lib/documents/store';
import { issueLeaveCertificate } from '@/lib/leave/certificate';
import { readPdfText } from '../support/pdf';
import { demoCompanies, demoUsers, seedDemo } from '@/db/seed';
import { monthlyHoursHundredths } from '@/lib/declarations/rules';
import { cancelLeave, registerLeaves, updateLeave } from '@/lib/leave/mutations';
import { getWorkerRights, getWorkersHours, listPaymentRuns, listWorkersWithoutMainLeave } from '@/lib/leave/queries';
import { leaveDeadlineReminders } from '@/lib/leave/reminders';
import { acquiredDays } from '@/lib/leave/rights';
import { sendReminders } from '@/lib/reminders';
import { addMember, createOrganisation, createUser, insertDelegation } from '../support/access-fixtures';
import { engines, useTestDatabase } from '../support/db';

// The seed places today's registration deadlines at today + 21 days and today + 112 days.
const TODAY = '2026-11-27';
const FIRST_DEADLINE = '2026-12-18';
const SECOND_DEADLINE = '2027-03-19';
const at = (day: string) => new Date(`${day}T10:00:00Z`);

describe.each(engines)('leave planning (%s)', (engine) => {
  const db = useTestDatabase(engine);
  const ids = { strasbourg: '', nancy: '', admin: '', worker: {} as Record<string, string>, nancyWorker: '' };
  const actor = () => ({ actorUserId: ids.admin, actorOrganisationId: ids.strasbourg, ip: '127.0.0.1', userAgent: 'vitest' });

  beforeAll(async () => {
    await seedDemo(db(), { today: TODAY });
    const orgId = async (siret: string) => (await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.siret, siret)))[0]!.id;
    ids.strasbourg = await orgId(demoCompanies.strasbourg.siret);
    ids.nancy = await orgId(demoCompanies.nancy.siret);
    ids.admin = (await db().select({ id: users.id }).from(users).where(eq(users.email, demoUsers.rhenane.email)))[0]!.id;
    for (const w of await db().select().from(workers).where(eq(workers.companyId, ids.strasbourg))) ids.worker[w.lastName] = w.id;
    ids.nancyWorker = (await db().select().from(workers).where(eq(workers.companyId, ids.nancy)))[0]!.id;
  });

  it('reads rights from the sent declarations of the reference period, the latest declaration of a month winning', async () => {
    // Leave year 2026-05-01 – 2027-04-30 ← reference period 2025-04-01 – 2026-03-31; the seed declares Nov 2025 – Oct 2026.
    const monthly = monthlyHoursHundredths(35);
    const before = await getWorkerRights(db(), ids.strasbourg, ids.worker.Klein!, TODAY, TODAY);
    expect(before.referencePeriod).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(before.hoursHundredths).toBe(5 * monthly);
    expect(before.acquired).toBe(acquiredDays(5 * monthly));
    expect(before.acquired).toBeGreaterThan(6);
    expect(before).toMatchObject({ registered: 0, paid: 0, remaining: before.acquired, hasHolidayBonus: false });

    // A corrective declaration for January 2026, sent later, replaces January's hours for every worker.
    const [jan] = await db().select().from(declarations).where(and(eq(declarations.companyId, ids.strasbourg), eq(declarations.period, '2026-01-01')));
    const [corrective] = await db()
      .insert(declarations)
      .values({ companyId: ids.strasbourg, period: '2026-01-01', kind: 'corrective', status: 'sent', correctsId: jan!.id, sentAt: at('2026-03-01'), number: 'DEC-2026-999999' })
      .returning();
    const janLines = await db().select().from(declarationLines).where(eq(declarationLines.declarationId, jan!.id));
    await db()
      .insert(declarationLines)
      .values(janLines.map((l) => ({ declarationId: corrective!.id, workerId: l.workerId, hoursHundredths: l.workerId === ids.worker.Wagner ? 0 : l.hoursHundredths, grossWagesCents: l.grossWagesCents, rateBasisPoints: l.rateBasisPoints, contributionCents: l.contributionCents })));
    const hours = await getWorkersHours(db(), ids.strasbourg, { start: '2025-04-01', end: '2026-03-31' });
    expect(hours.get(ids.worker.Wagner!)!.hoursHundredths).toBe(4 * monthlyHoursHundredths(39));
    expect(hours.get(ids.worker.Klein!)!.hoursHundredths).toBe(5 * monthly);
  });

  it('a leave registered before a deadline goes in that run; after it, in the next', async () => {
    const runs = await listPaymentRuns(db());
    expect(runs.map((r) => r.deadline)).toEqual(expect.arrayContaining([FIRST_DEADLINE, SECOND_DEADLINE]));

    const early = await registerLeaves(db(), { companyId: ids.strasbourg, actor: actor(), workerIds: [ids.worker.Schmitt!], start: '2027-02-01', end: '2027-02-06', kind: 'other', now: at(TODAY) });
    if (!early.ok) throw new Error(JSON.stringify(early));
    expect(early.value[0]).toMatchObject({ days: 6, run: { deadline: FIRST_DEADLINE } });

    const late = await registerLeaves(db(), { companyId: ids.strasbourg, actor: actor(), workerIds: [ids.worker.Muller!], start: '2027-02-01', end: '2027-02-06', kind: 'other', now: at('2026-12-20') });
    if (!late.ok) throw new Error(JSON.stringify(late));
    expect(late.value[0]!.run?.deadline).toBe(SECOND_DEADLINE);

    const [row] = await db().select().from(leaves).where(eq(leaves.id, early.value[0]!.id));
    expect(row).toMatchObject({ companyId: ids.strasbourg, days: 6, leaveYearStart: '2026-05-01', paymentDeadline: FIRST_DEADLINE, status: 'registered' });
    expect(row!.indemnityCents).toBeGreaterThan(0);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, 'leave.register'), eq(auditLog.subjectOrganisationId, ids.strasbourg)));
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('registers one leave for several workers at once, or none of them with the reason per worker', async () => {
    const both = [ids.worker.Schmitt!, ids.worker.Wagner!];
    // Schmitt is already away 1–6 February 2027: nobody is registered.
    const refused = await registerLeaves(db(), { companyId: ids.strasbourg, actor: actor(), workerIds: both, start: '2027-02-04', end: '2027-02-05', kind: 'other', now: at(TODAY) });
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.code !== 'invalid') throw new Error('expected a refusal');
    expect(Object.values(refused.fieldErrors).join(' ')).toContain('Schmitt Marc');
    expect(await db().select().from(leaves).where(eq(leaves.workerId, ids.worker.Wagner!))).toHaveLength(0);

    const ok = await registerLeaves(db(), { companyId: ids.strasbourg, actor: actor(), workerIds: both, start: '2027-03-01', end: '2027-03-02', kind: 'other', now: at(TODAY) });
    if (!ok.ok) throw new Error(JSON.stringify(ok));
    expect(ok.value.map((l) => l.days)).toEqual([2, 2]);
  });

  it('of two concurrent overlapping registrations for one worker, exactly one succeeds', async () => {
    const attempt = (start: string, end: string) =>
      registerLeaves(db(), { companyId: ids.strasbourg, actor: actor(), workerIds: [ids.worker.Klein!], start, end, kind: 'other', now: at(TODAY) });
    const results = await Promise.all([attempt('2027-01-11', '2027-01-13'), attempt('2027-01-12', '2027-01-14'), attempt('2027-01-13', '2027-01-13')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'invalid')).toHaveLength(2);
    const rows = await db().select().from(leaves).where(eq(leaves.workerId, ids.worker.Klein!));
    expect(rows).toHaveLength(1);
  });

  it('cancelling restores the remaining days; once the deadline has passed, neither edit nor cancel', async () => {
    const meyer = ids.worker.Meyer!;
    const before = await getWorkerRights(db(), ids.strasbourg, meyer, TODAY, TODAY);
    const reg = await registerLeaves(db(), { companyId: ids.strasbourg, actor: actor(), workerIds: [meyer], start: '2027-01-04', end: '2027-01-06', kind: 'other', now: at(TODAY) });
    if (!reg.ok) throw new Error(JSON.stringify(reg));
    expect((await getWorkerRights(db(), ids.strasbourg, meyer, TODAY, TODAY)).remaining).toBe(before.remaining - 3);

    const moved = await updateLeave(db(), { companyId: ids.strasbourg, actor: actor(), leaveId: reg.value[0]!.id, start: '2027-01-04', end: '2027-01-05', kind: 'other', now: at(TODAY) });
    expect(moved).toMatchObject({ ok: true, value: { days: 2 } });

    const cancelled = await cancelLeave(db(), { companyId: ids.strasbourg, actor: actor(), leaveId: reg.value[0]!.id, now: at(TODAY) });
    expect(cancelled.ok).toBe(true);
    expect((await getWorkerRights(db(), ids.strasbourg, meyer, TODAY, TODAY)).remaining).toBe(before.remaining);

    const again = await registerLeaves(db(), { companyId: ids.strasbourg, actor: actor(), workerIds: [meyer], start: '2027-01-11', end: '2027-01-12', kind: 'other', now: at(TODAY) });
    if (!again.ok) throw new Error(JSON.stringify(again));
    const afterDeadline = at('2026-12-19');
    const late = await cancelLeave(db(), { companyId: ids.strasbourg, actor: actor(), leaveId: again.value[0]!.id, now: afterDeadline });
    expect(late).toMatchObject({ ok: false, code: 'invalid' });
    const lateEdit = await updateLeave(db(), { companyId: ids.strasbourg, actor: actor(), leaveId: again.value[0]!.id, start: '2027-01-11', end: '2027-01-11', kind: 'other', now: afterDeadline });
    expect(lateEdit).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { start: expect.stringContaining('programmé') } });
  });

  it('refuses at the field: overlap, more than the remaining days, before hire', async () => {
    const r = await registerLeaves(db(), { companyId: ids.strasbourg, actor: actor(), workerIds: [ids.worker.Schmitt!], start: '2027-02-03', end: '2027-02-03', kind: 'other', now: at(TODAY) });
    expect(r).toMatchObject({ ok: false, code: 'invalid' });
    const tooLong = await registerLeaves(db(), { companyId: ids.strasbourg, actor: actor(), workerIds: [ids.worker.Wagner!], start: '2027-03-08', end: '2027-04-24', kind: 'other', now: at(TODAY) });
    expect(tooLong).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('another company’s worker or leave, a collaborator without the right, a firm without the area: not found', async () => {
    const foreign = await registerLeaves(db(), { companyId: ids.strasbourg, actor: actor(), workerIds: [ids.nancyWorker], start: '2027-02-15', end: '2027-02-15', kind: 'other', now: at(TODAY) });
    expect(foreign).toEqual({ ok: false, code: 'not_found' });

    const reader = await createUser(db());
    await addMember(db(), ids.strasbourg, reader.id, 'collaborator', { leave: 'read', declarations: 'write' });
    const asReader = await registerLeaves(db(), { companyId: ids.strasbourg, actor: { actorUserId: reader.id, actorOrganisationId: ids.strasbourg }, workerIds: [ids.worker.Wagner!], start: '2027-02-15', end: '2027-02-15', kind: 'other', now: at(TODAY) });
    expect(asReader).toEqual({ ok: false, code: 'not_found' });

    const firm = await createOrganisation(db(), 'accounting_firm');
    const firmUser = await createUser(db());
    await addMember(db(), firm.id, firmUser.id, 'admin');
    await insertDelegation(db(), { companyId: ids.strasbourg, firmId: firm.id, areas: { declarations: 'write' }, status: 'active' });
    const [leave] = await db().select().from(leaves).where(eq(leaves.workerId, ids.worker.Schmitt!));
    const asFirm = await cancelLeave(db(), { companyId: ids.strasbourg, actor: { actorUserId: firmUser.id, actorOrganisationId: firm.id }, leaveId: leave!.id, now: at(TODAY) });
    expect(asFirm).toEqual({ ok: false, code: 'not_found' });
    // The Nancy administrator cannot touch a Strasbourg leave through their own company either.
    const nancyAdmin = await createUser(db());
    await addMember(db(), ids.nancy, nancyAdmin.id, 'admin');
    const cross = await cancelLeave(db(), { companyId: ids.nancy, actor: { actorUserId: nancyAdmin.id, actorOrganisationId: ids.nancy }, leaveId: leave!.id, now: at(TODAY) });
    expect(cross).toEqual({ ok: false, code: 'not_found' });
    expect((await db().select().from(leaves).where(eq(leaves.id, leave!.id)))[0]!.cancelledAt).toBeNull();
  });

  it('lists the workers with no main leave registered in the leave year', async () => {
    const without = await listWorkersWithoutMainLeave(db(), ids.strasbourg, { start: '2026-05-01', end: '2027-04-30' });
    expect(without.map((w) => w.lastName).sort()).toEqual(['Klein', 'Meyer', 'Muller', 'Schmitt', 'Wagner']);
  });

  it('reminds the company’s users before a deadline when workers have no main leave: run twice, sent once', async () => {
    const sixDaysBefore = '2026-12-12';
    const first = await sendReminders(db(), [leaveDeadlineReminders], sixDaysBefore);
    expect(first[0]!.sent).toBeGreaterThan(0);
    const again = await sendReminders(db(), [leaveDeadlineReminders], '2026-12-13');
    expect(again[0]).toMatchObject({ source: 'congés', sent: 0 });
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, demoUsers.rhenane.email));
    const reminders = mails.filter((m) => m.template === 'leave-deadline-reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toBe('Date limite d’enregistrement de dates de congés le 18/12/2026 – Rénovation Rhénane Démo SAS');
    expect(reminders[0]!.text.replace(/\s+/g, ' ')).toContain('5 salariés n’ont pas de congé principal enregistré');
    // Too early: nothing due three weeks before.
    expect((await sendReminders(db(), [leaveDeadlineReminders], '2026-11-27'))[0]!.due).toBe(0);
  });

  it('files a « certificat de congés » in the company’s documents and returns it', async () => {
    const files = new Map<string, Buffer>();
    setStoreBackend({ put: async (k, b) => void files.set(k, b), get: async (k) => files.get(k)!, delete: async (k) => void files.delete(k) });
    try {
      const result = await issueLeaveCertificate(db(), { companyId: ids.strasbourg, workerId: ids.worker.Schmitt!, actor: actor(), now: at(TODAY) });
      if (!result.ok) throw new Error('refused');
      expect(result.fileName).toBe('certificat-conges-schmitt-marc-2026-2027.pdf');
      const text = (await readPdfText(result.bytes)).replace(/\s+/g, ' ');
      expect(text).toContain('Certificat de congés');
      expect(text).toContain('SCHMITT Marc');
      expect(text).toContain('Heures déclarées 758,35 h');
      const [row] = await db().select().from(documents).where(eq(documents.id, result.documentId));
      expect(row).toMatchObject({ companyId: ids.strasbourg, kind: 'leave_certificate', sourceId: ids.worker.Schmitt });
      const stored = await readDocument(db(), ids.strasbourg, result.documentId);
      expect(stored).toBeTruthy();
      // Another company's worker: nothing.
      expect(await issueLeaveCertificate(db(), { companyId: ids.strasbourg, workerId: ids.nancyWorker, actor: actor(), now: at(TODAY) })).toEqual({ ok: false, code: 'not_found' });
    } finally {
      setStoreBackend(undefined);
    }
  });
});
