import 'server-only';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { leaves, workers } from '@/db/schema';
import { authorize } from '@/lib/access';
import type { Actor } from '@/lib/access/result';
import { recordAudit } from '@/lib/audit';
import { todayInFrance } from '@/lib/format';
import { leaveYearOf, referencePeriodFor } from './days';
import { computeIndemnity } from './indemnity';
import { getLeaveCompany, getWorkersHours, listPaymentRuns, type LeaveRow } from './queries';
import { acquiredDays } from './rights';
import { checkLeave, type LeaveKind } from './rules';
import { paymentRunFor, type PaymentRun } from './runs';
import { isLeaveEditable } from './status';

// Registering, editing and cancelling leave. Each mutation asks lib/access itself (area « leave »,
// saisie) — an actor without the right gets « not found », like a page would — then works in one
// transaction that first locks the workers' rows (`select … for update`, ordered by id so two requests
// for overlapping sets of workers cannot deadlock). Two concurrent registrations for one worker therefore
// run one after the other, and the second sees the first's leave: exactly one of two overlapping ones wins.
// PGlite runs one transaction at a time, which gives the same result.

export type LeaveMutationResult<T> =
  | { ok: true; value: T; warnings: string[] }
  | { ok: false; code: 'not_found' }
  | { ok: false; code: 'invalid'; message: string; fieldErrors: Record<string, string> };

type Common = { companyId: string; actor: Actor; now?: Date };

const NOT_FOUND = { ok: false, code: 'not_found' } as const;

class Invalid extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('invalid leave');
  }
}

const INVALID_MESSAGE = 'Le congé n’a pas été enregistré : vérifiez les informations signalées.';

async function mayWrite(db: Db, companyId: string, actor: Actor, now?: Date): Promise<boolean> {
  return (await authorize(db, { userId: actor.actorUserId, companyId, area: 'leave', action: 'write', now, ip: actor.ip })).allowed;
}

type Period = { start: string; end: string; kind: LeaveKind };

type Checked = { workerId: string; days: number; indemnityCents: number | null; warnings: string[] };

/** Checks one leave per locked worker against the rules; throws Invalid with every problem, named per worker when several. */
async function checkAll(
  tx: Db,
  opts: { companyId: string; workers: { id: string; lastName: string; firstName: string; hiredOn: string; leftOn: string | null }[]; period: Period; excludeLeaveId?: string; alsaceMoselle: boolean },
): Promise<Checked[]> {
  const { period } = opts;
  const leaveYear = leaveYearOf(period.start);
  const ids = opts.workers.map((w) => w.id);
  const [hours, existing] = await Promise.all([
    getWorkersHours(tx, opts.companyId, referencePeriodFor(leaveYear.start), ids),
    tx
      .select()
      .from(leaves)
      .where(
        and(
          eq(leaves.companyId, opts.companyId),
          inArray(leaves.workerId, ids),
          eq(leaves.leaveYearStart, leaveYear.start),
          isNull(leaves.cancelledAt),
          opts.excludeLeaveId ? ne(leaves.id, opts.excludeLeaveId) : undefined,
        ),
      ),
  ]);
  const several = opts.workers.length > 1;
  const fieldErrors: Record<string, string> = {};
  const out: Checked[] = [];
  for (const w of opts.workers) {
    const h = hours.get(w.id);
    const acquired = acquiredDays(h?.hoursHundredths ?? 0);
    const mine = existing.filter((l) => l.workerId === w.id).map((l) => ({ id: l.id, start: l.startOn, end: l.endOn, days: l.days, kind: l.kind }));
    const check = checkLeave({ ...period, hiredOn: w.hiredOn, leftOn: w.leftOn, acquiredDays: acquired, existing: mine, alsaceMoselle: opts.alsaceMoselle });
    for (const p of check.errors) {
      const text = several ? `${w.lastName} ${w.firstName} : ${p.message}` : p.message;
      fieldErrors[p.field] = fieldErrors[p.field] ? `${fieldErrors[p.field]} ${text}` : text;
    }
    const indemnity =
      h && acquired > 0 && check.days > 0
        ? computeIndemnity({
            grossWagesCents: h.grossWagesCents,
            lastHourlyRateCents: h.lastHourlyRateCents,
            hoursHundredths: h.hoursHundredths,
            acquiredDays: acquired,
            leaveDays: check.days,
            isMainLeave: period.kind === 'main',
          }).totalCents
        : null;
    out.push({ workerId: w.id, days: check.days, indemnityCents: indemnity, warnings: several ? check.warnings.map((m) => `${w.lastName} ${w.firstName} : ${m}`) : check.warnings });
  }
  if (Object.keys(fieldErrors).length) throw new Invalid(fieldErrors);
  return out;
}

async function lockWorkers(tx: Db, companyId: string, workerIds: readonly string[]) {
  return tx
    .select({ id: workers.id, lastName: workers.lastName, firstName: workers.firstName, hiredOn: workers.hiredOn, leftOn: workers.leftOn })
    .from(workers)
    .where(and(eq(workers.companyId, companyId), inArray(workers.id, [...workerIds])))
    .orderBy(asc(workers.id))
    .for('update');
}

async function guarded<T>(work: () => Promise<LeaveMutationResult<T>>): Promise<LeaveMutationResult<T>> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, code: 'invalid', message: INVALID_MESSAGE, fieldErrors: err.fieldErrors };
    throw err;
  }
}

export type RegisteredLeave = { id: string; workerId: string; days: number; run: PaymentRun | null };

/** Registers the same leave for one or several workers of the company: all of them, or none with the reasons. */
export async function registerLeaves(
  db: Db,
  input: Common & { workerIds: readonly string[]; start: string; end: string; kind: LeaveKind },
): Promise<LeaveMutationResult<RegisteredLeave[]>> {
  const now = input.now ?? new Date();
  if (!(await mayWrite(db, input.companyId, input.actor, now))) return NOT_FOUND;
  const company = await getLeaveCompany(db, input.companyId);
  if (!company || !input.workerIds.length) return NOT_FOUND;
  const today = todayInFrance(now);
  const run = paymentRunFor(today, await listPaymentRuns(db));
  const period: Period = { start: input.start, end: input.end, kind: input.kind };
  const leaveYearStart = leaveYearOf(input.start).start;

  return guarded<RegisteredLeave[]>(() =>
    db.transaction(async (tx): Promise<LeaveMutationResult<RegisteredLeave[]>> => {
      const locked = await lockWorkers(tx, input.companyId, input.workerIds);
      if (locked.length !== new Set(input.workerIds).size) return NOT_FOUND;
      const checked = await checkAll(tx, { companyId: input.companyId, workers: locked, period, alsaceMoselle: company.alsaceMoselle });
      const inserted = await tx
        .insert(leaves)
        .values(
          checked.map((c) => ({
            companyId: input.companyId,
            workerId: c.workerId,
            startOn: input.start,
            endOn: input.end,
            kind: input.kind,
            days: c.days,
            leaveYearStart,
            registeredAt: now,
            registeredByUserId: input.actor.actorUserId,
            paymentDeadline: run?.deadline ?? null,
            paymentOn: run?.paymentOn ?? null,
            indemnityCents: c.indemnityCents,
          })),
        )
        .returning({ id: leaves.id, workerId: leaves.workerId, days: leaves.days });
      await recordAudit(tx, {
        action: 'leave.register',
        outcome: 'success',
        ...input.actor,
        subjectOrganisationId: input.companyId,
        details: { leaveIds: inserted.map((l) => l.id), workerIds: inserted.map((l) => l.workerId), start: input.start, end: input.end, kind: input.kind, paymentDeadline: run?.deadline ?? null },
      });
      return { ok: true as const, value: inserted.map((l) => ({ ...l, run })), warnings: checked.flatMap((c) => c.warnings) };
    }),
  );
}

async function lockEditableLeave(tx: Db, companyId: string, leaveId: string, today: string): Promise<LeaveRow | 'not_found' | 'scheduled'> {
  const [leave] = await tx
    .select()
    .from(leaves)
    .where(and(eq(leaves.id, leaveId), eq(leaves.companyId, companyId), isNull(leaves.cancelledAt)))
    .for('update');
  if (!leave) return 'not_found';
  return isLeaveEditable(leave, today) ? leave : 'scheduled';
}

const SCHEDULED = 'Le paiement de ce congé est déjà programmé : il ne peut plus être modifié ni annulé. Contactez la caisse.';

/** Moves or changes a leave whose payment is not scheduled yet; it then goes in the run of the day it is edited. */
export async function updateLeave(db: Db, input: Common & { leaveId: string; start: string; end: string; kind: LeaveKind }): Promise<LeaveMutationResult<RegisteredLeave>> {
  const now = input.now ?? new Date();
  if (!(await mayWrite(db, input.companyId, input.actor, now))) return NOT_FOUND;
  const company = await getLeaveCompany(db, input.companyId);
  if (!company) return NOT_FOUND;
  const today = todayInFrance(now);
  const run = paymentRunFor(today, await listPaymentRuns(db));
  return guarded<RegisteredLeave>(() =>
    db.transaction(async (tx): Promise<LeaveMutationResult<RegisteredLeave>> => {
      const [first] = await tx.select({ workerId: leaves.workerId }).from(leaves).where(and(eq(leaves.id, input.leaveId), eq(leaves.companyId, input.companyId)));
      if (!first) return NOT_FOUND;
      // Worker first, then the leave: the same lock order as registration.
      const locked = await lockWorkers(tx, input.companyId, [first.workerId]);
      const leave = await lockEditableLeave(tx, input.companyId, input.leaveId, today);
      if (leave === 'not_found' || !locked.length) return NOT_FOUND;
      if (leave === 'scheduled') throw new Invalid({ start: SCHEDULED });
      const period: Period = { start: input.start, end: input.end, kind: input.kind };
      const [checked] = await checkAll(tx, { companyId: input.companyId, workers: locked, period, excludeLeaveId: leave.id, alsaceMoselle: company.alsaceMoselle });
      await tx
        .update(leaves)
        .set({
          startOn: input.start,
          endOn: input.end,
          kind: input.kind,
          days: checked!.days,
          leaveYearStart: leaveYearOf(input.start).start,
          indemnityCents: checked!.indemnityCents,
          paymentDeadline: run?.deadline ?? null,
          paymentOn: run?.paymentOn ?? null,
        })
        .where(eq(leaves.id, leave.id));
      await recordAudit(tx, {
        action: 'leave.update',
        outcome: 'success',
        ...input.actor,
        subjectOrganisationId: input.companyId,
        details: { leaveId: leave.id, workerId: leave.workerId, from: { start: leave.startOn, end: leave.endOn, kind: leave.kind }, to: period },
      });
      return { ok: true as const, value: { id: leave.id, workerId: leave.workerId, days: checked!.days, run }, warnings: checked!.warnings };
    }),
  );
}

/** Cancels a leave whose payment is not scheduled yet: its days return to the worker's remaining rights. */
export async function cancelLeave(db: Db, input: Common & { leaveId: string }): Promise<LeaveMutationResult<{ id: string }>> {
  const now = input.now ?? new Date();
  if (!(await mayWrite(db, input.companyId, input.actor, now))) return NOT_FOUND;
  const today = todayInFrance(now);
  return guarded<{ id: string }>(() =>
    db.transaction(async (tx): Promise<LeaveMutationResult<{ id: string }>> => {
      const leave = await lockEditableLeave(tx, input.companyId, input.leaveId, today);
      if (leave === 'not_found') return NOT_FOUND;
      if (leave === 'scheduled') throw new Invalid({ leaveId: SCHEDULED });
      await tx.update(leaves).set({ cancelledAt: now, cancelledByUserId: input.actor.actorUserId }).where(eq(leaves.id, leave.id));
      await recordAudit(tx, {
        action: 'leave.cancel',
        outcome: 'success',
        ...input.actor,
        subjectOrganisationId: input.companyId,
        details: { leaveId: leave.id, workerId: leave.workerId, start: leave.startOn, end: leave.endOn, days: leave.days },
      });
      return { ok: true as const, value: { id: leave.id }, warnings: [] };
    }),
  );
}
