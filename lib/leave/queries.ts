import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { declarationLines, declarations, departments, keyDates, leaves, organisations, workers } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { leaveYearOf, referencePeriodFor, type DateRange } from './days';
import { publicHolidaysBetween, type PublicHoliday } from './holidays';
import { acquiredDays, HOLIDAY_BONUS_MIN_HOURS } from './rights';
import { toPaymentRuns, type PaymentRun } from './runs';
import { effectiveLeaveStatus, type LeavePaymentStatus } from './status';

// Reads of « Congés ». Every query is scoped by the company (tenant) in its where clause.

export type LeaveCompany = { id: string; name: string; alsaceMoselle: boolean };

export async function getLeaveCompany(db: Db, companyId: string): Promise<LeaveCompany | null> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, alsaceMoselle: departments.isAlsaceMoselle })
    .from(organisations)
    .leftJoin(departments, eq(departments.code, organisations.departmentCode))
    .where(and(eq(organisations.id, companyId), eq(organisations.kind, 'company')));
  return row ? { id: row.id, name: row.name, alsaceMoselle: row.alsaceMoselle ?? false } : null;
}

/** Payment runs announced by the caisse (key dates « Date limite d’enregistrement de dates de congés »), by deadline. */
export async function listPaymentRuns(db: Db): Promise<PaymentRun[]> {
  const rows = await db
    .select({ startsOn: keyDates.startsOn, endsOn: keyDates.endsOn })
    .from(keyDates)
    .where(eq(keyDates.kind, 'leave_registration_deadline'))
    .orderBy(asc(keyDates.startsOn));
  return toPaymentRuns(rows, getEnv().leavePaymentDelayDays);
}

export type LeaveWorker = { id: string; lastName: string; firstName: string; hiredOn: string; leftOn: string | null };

/** Workers employed at some point of the range, by name. */
export async function listWorkersIn(db: Db, companyId: string, range: DateRange): Promise<LeaveWorker[]> {
  return db
    .select({ id: workers.id, lastName: workers.lastName, firstName: workers.firstName, hiredOn: workers.hiredOn, leftOn: workers.leftOn })
    .from(workers)
    .where(and(eq(workers.companyId, companyId), lte(workers.hiredOn, range.end), or(isNull(workers.leftOn), gte(workers.leftOn, range.start))))
    .orderBy(asc(workers.lastName), asc(workers.firstName), asc(workers.id));
}

export async function getLeaveWorker(db: Db, companyId: string, workerId: string): Promise<LeaveWorker | null> {
  const [row] = await db
    .select({ id: workers.id, lastName: workers.lastName, firstName: workers.firstName, hiredOn: workers.hiredOn, leftOn: workers.leftOn })
    .from(workers)
    .where(and(eq(workers.id, workerId), eq(workers.companyId, companyId)));
  return row ?? null;
}

export type LeaveRow = typeof leaves.$inferSelect;

export async function listWorkerLeaves(db: Db, companyId: string, workerId: string, leaveYearStart: string): Promise<LeaveRow[]> {
  return db
    .select()
    .from(leaves)
    .where(and(eq(leaves.companyId, companyId), eq(leaves.workerId, workerId), eq(leaves.leaveYearStart, leaveYearStart)))
    .orderBy(asc(leaves.startOn), desc(leaves.registeredAt));
}

export type WorkerHours = {
  hoursHundredths: number;
  grossWagesCents: number;
  /** Gross wages ÷ hours of the last declared month with hours, in cents per hour (0 without one). */
  lastHourlyRateCents: number;
};

/**
 * Hours and wages declared for each worker over a reference period, from the sent declarations; where
 * a month has a corrective declaration, the latest one sent for that month replaces the earlier ones.
 */
export async function getWorkersHours(db: Db, companyId: string, period: DateRange, workerIds?: readonly string[]): Promise<Map<string, WorkerHours>> {
  const latest = db
    .selectDistinctOn([declarations.period], { id: declarations.id, period: declarations.period })
    .from(declarations)
    .where(and(eq(declarations.companyId, companyId), eq(declarations.status, 'sent'), gte(declarations.period, period.start), lte(declarations.period, period.end)))
    .orderBy(asc(declarations.period), desc(declarations.sentAt))
    .as('latest');
  const rows = await db
    .select({
      workerId: declarationLines.workerId,
      period: latest.period,
      hours: declarationLines.hoursHundredths,
      wages: declarationLines.grossWagesCents,
    })
    .from(declarationLines)
    .innerJoin(latest, eq(latest.id, declarationLines.declarationId))
    .where(workerIds ? (workerIds.length ? inArray(declarationLines.workerId, [...workerIds]) : sql`false`) : undefined)
    .orderBy(asc(latest.period));
  const out = new Map<string, WorkerHours>();
  for (const r of rows) {
    const h = out.get(r.workerId) ?? { hoursHundredths: 0, grossWagesCents: 0, lastHourlyRateCents: 0 };
    h.hoursHundredths += r.hours;
    h.grossWagesCents += Number(r.wages);
    // Rows come by month: the last month with hours sets the rate.
    if (r.hours > 0) h.lastHourlyRateCents = Math.round((Number(r.wages) * 100) / r.hours);
    out.set(r.workerId, h);
  }
  return out;
}

export type WorkerRights = {
  leaveYear: DateRange;
  referencePeriod: DateRange;
  hoursHundredths: number;
  grossWagesCents: number;
  lastHourlyRateCents: number;
  acquired: number;
  registered: number;
  paid: number;
  remaining: number;
  hasHolidayBonus: boolean;
};

export function rightsFrom(hours: WorkerHours | undefined, leaveYear: DateRange, yearLeaves: readonly Pick<LeaveRow, 'days' | 'status' | 'paymentDeadline' | 'paymentOn' | 'cancelledAt'>[], today: string): WorkerRights {
  const h = hours ?? { hoursHundredths: 0, grossWagesCents: 0, lastHourlyRateCents: 0 };
  const live = yearLeaves.filter((l) => !l.cancelledAt);
  const acquired = acquiredDays(h.hoursHundredths);
  const registered = live.reduce((s, l) => s + l.days, 0);
  const paid = live.filter((l) => effectiveLeaveStatus(l, today) === 'paid').reduce((s, l) => s + l.days, 0);
  return {
    leaveYear,
    referencePeriod: referencePeriodFor(leaveYear.start),
    ...h,
    acquired,
    registered,
    paid,
    remaining: Math.max(0, acquired - registered),
    hasHolidayBonus: h.hoursHundredths >= HOLIDAY_BONUS_MIN_HOURS * 100,
  };
}

/** A worker's rights for the leave year containing `day`. */
export async function getWorkerRights(db: Db, companyId: string, workerId: string, day: string, today: string): Promise<WorkerRights> {
  const leaveYear = leaveYearOf(day);
  const [hours, yearLeaves] = await Promise.all([
    getWorkersHours(db, companyId, referencePeriodFor(leaveYear.start), [workerId]),
    listWorkerLeaves(db, companyId, workerId, leaveYear.start),
  ]);
  return rightsFrom(hours.get(workerId), leaveYear, yearLeaves, today);
}

export type TeamLeave = { id: string; start: string; end: string; days: number; kind: 'main' | 'other'; status: LeavePaymentStatus; paymentOn: string | null };

export type TeamView = {
  company: LeaveCompany;
  month: DateRange;
  leaveYear: DateRange;
  holidays: PublicHoliday[];
  workers: (LeaveWorker & { leaves: TeamLeave[] })[];
};

/** Everything the team view draws for one month: workers employed that month, their leaves, the holidays. */
export async function getTeamView(db: Db, company: LeaveCompany, month: DateRange, today: string): Promise<TeamView> {
  // Only the columns drawn: this runs for every month shown to a 300-worker company.
  const [staff, monthLeaves] = await Promise.all([
    listWorkersIn(db, company.id, month),
    db
      .select({ id: leaves.id, workerId: leaves.workerId, startOn: leaves.startOn, endOn: leaves.endOn, days: leaves.days, kind: leaves.kind, status: leaves.status, paymentDeadline: leaves.paymentDeadline, paymentOn: leaves.paymentOn })
      .from(leaves)
      .where(and(eq(leaves.companyId, company.id), isNull(leaves.cancelledAt), lte(leaves.startOn, month.end), gte(leaves.endOn, month.start))),
  ]);
  const byWorker = new Map<string, TeamLeave[]>();
  for (const l of monthLeaves) {
    const list = byWorker.get(l.workerId) ?? [];
    list.push({ id: l.id, start: l.startOn, end: l.endOn, days: l.days, kind: l.kind, status: effectiveLeaveStatus(l, today), paymentOn: l.paymentOn });
    byWorker.set(l.workerId, list);
  }
  return {
    company,
    month,
    leaveYear: leaveYearOf(month.start),
    holidays: publicHolidaysBetween(month.start, month.end, company.alsaceMoselle),
    workers: staff.map((w) => ({ ...w, leaves: byWorker.get(w.id) ?? [] })),
  };
}

/** Workers employed during the leave year who have no main leave registered in it. */
export async function listWorkersWithoutMainLeave(db: Db, companyId: string, leaveYear: DateRange): Promise<LeaveWorker[]> {
  const staff = await listWorkersIn(db, companyId, leaveYear);
  const withMain = await db
    .selectDistinct({ workerId: leaves.workerId })
    .from(leaves)
    .where(and(eq(leaves.companyId, companyId), eq(leaves.leaveYearStart, leaveYear.start), eq(leaves.kind, 'main'), isNull(leaves.cancelledAt)));
  const has = new Set(withMain.map((r) => r.workerId));
  return staff.filter((w) => !has.has(w.id));
}

export type ExportLeave = LeaveRow & { workerLastName: string; workerFirstName: string };

/** The company's leaves (not cancelled) from a day on, with the workers' names: the .ics feed and the CSV export. */
export async function listLeavesForExport(db: Db, companyId: string, from: string): Promise<ExportLeave[]> {
  const rows = await db
    .select({ leave: leaves, lastName: workers.lastName, firstName: workers.firstName })
    .from(leaves)
    .innerJoin(workers, and(eq(workers.id, leaves.workerId), eq(workers.companyId, leaves.companyId)))
    .where(and(eq(leaves.companyId, companyId), isNull(leaves.cancelledAt), gte(leaves.endOn, from)))
    .orderBy(asc(leaves.startOn), asc(workers.lastName));
  return rows.map((r) => ({ ...r.leave, workerLastName: r.lastName, workerFirstName: r.firstName }));
}
