// Calendar arithmetic of paid leave. Pure. CONTRACT (lead): signatures fixed; bodies by leave-rules.
// Dates are calendar days 'YYYY-MM-DD' (SQL `date`), handled in UTC so that no time zone or daylight
// saving change can shift a day.
import { publicHolidayDates } from './holidays';

export type DateRange = { start: string; end: string };

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function toUtcMs(day: string): number {
  if (!ISO_DAY.test(day)) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const ms = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  if (new Date(ms).toISOString().slice(0, 10) !== day) throw new RangeError(`no such day: ${day}`);
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether `day` is a valid calendar day written YYYY-MM-DD. */
export function isIsoDay(day: string): boolean {
  try {
    toUtcMs(day);
    return true;
  } catch {
    return false;
  }
}

/** Calendar days from start to end inclusive (0 when end is before start). */
export function calendarDays(start: string, end: string): number {
  const n = Math.round((toUtcMs(end) - toUtcMs(start)) / DAY_MS) + 1;
  return Math.max(0, n);
}

/** `day` shifted by n calendar days. */
export function shiftDay(day: string, n: number): string {
  return fromUtcMs(toUtcMs(day) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(toUtcMs(day)).getUTCDay();
}

/** Whether `day` is a jour ouvrable: Monday–Saturday and not a public holiday of the region. */
export function isJourOuvrable(day: string, alsaceMoselle: boolean): boolean {
  return weekdayOf(day) !== 0 && !publicHolidayDates(Number(day.slice(0, 4)), alsaceMoselle).has(day);
}

/**
 * Jours ouvrables (Monday–Saturday) between start and end inclusive, minus public holidays.
 * A holiday falling on a Sunday removes nothing (Sunday is never counted); 0 when end is before start.
 */
export function countLeaveDays(start: string, end: string, alsaceMoselle: boolean): number {
  const from = toUtcMs(start);
  const to = toUtcMs(end);
  let count = 0;
  let year = -1;
  let holidays: ReadonlySet<string> = new Set();
  for (let ms = from; ms <= to; ms += DAY_MS) {
    const date = new Date(ms);
    if (date.getUTCDay() === 0) continue;
    if (date.getUTCFullYear() !== year) {
      year = date.getUTCFullYear();
      holidays = publicHolidayDates(year, alsaceMoselle);
    }
    if (!holidays.has(fromUtcMs(ms))) count++;
  }
  return count;
}

/** The leave year (1 May – 30 April) containing `day`. */
export function leaveYearOf(day: string): DateRange {
  toUtcMs(day);
  const year = Number(day.slice(0, 4));
  const startYear = day.slice(5) >= '05-01' ? year : year - 1;
  return { start: `${startYear}-05-01`, end: `${startYear + 1}-04-30` };
}

/**
 * The reference period (1 April – 31 March) whose hours give the rights taken in the leave year starting
 * `leaveYearStart`. Any day of the leave year is accepted: the leave year 1 May 2026 – 30 April 2027 is
 * fed by the hours of 1 April 2025 – 31 March 2026.
 */
export function referencePeriodFor(leaveYearStart: string): DateRange {
  const startYear = Number(leaveYearOf(leaveYearStart).start.slice(0, 4));
  return { start: `${startYear - 1}-04-01`, end: `${startYear}-03-31` };
}
