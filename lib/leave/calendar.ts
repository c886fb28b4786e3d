// Day arithmetic of the leave calendar with no holiday library: safe to import from client components
// (date-holidays weighs ≈ 1.5 MB minified). The server passes the holiday dates of the range
// (publicHolidaysBetween) and the screen counts the days live as the user selects.
// Dates are calendar days 'YYYY-MM-DD' (SQL `date`), handled in UTC so that no time zone or daylight
// saving change can shift a day.

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds of the day at 00:00 UTC; throws RangeError on anything but a real YYYY-MM-DD day. */
export function dayToUtcMs(day: string): number {
  if (!ISO_DAY.test(day)) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const ms = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  if (new Date(ms).toISOString().slice(0, 10) !== day) throw new RangeError(`no such day: ${day}`);
  return ms;
}

export function utcMsToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether `day` is a valid calendar day written YYYY-MM-DD. */
export function isIsoDay(day: string): boolean {
  try {
    dayToUtcMs(day);
    return true;
  } catch {
    return false;
  }
}

/** Calendar days from start to end inclusive (0 when end is before start). */
export function calendarDays(start: string, end: string): number {
  const n = Math.round((dayToUtcMs(end) - dayToUtcMs(start)) / DAY_MS) + 1;
  return Math.max(0, n);
}

/** `day` shifted by n calendar days. */
export function shiftDay(day: string, n: number): string {
  return utcMsToDay(dayToUtcMs(day) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(dayToUtcMs(day)).getUTCDay();
}

/**
 * Jours ouvrables (Monday–Saturday) from start to end inclusive, minus the given holiday dates; 0 when end
 * is before start. A holiday on a Sunday removes nothing. The same count as countLeaveDays (days.ts) when
 * `holidays` holds the region's public holidays of the range.
 */
export function countJoursOuvrables(start: string, end: string, holidays: ReadonlySet<string> | readonly string[]): number {
  const isHoliday = holidays instanceof Set ? (d: string) => holidays.has(d) : (d: string) => (holidays as readonly string[]).includes(d);
  const to = dayToUtcMs(end);
  let count = 0;
  for (let ms = dayToUtcMs(start); ms <= to; ms += DAY_MS) {
    if (new Date(ms).getUTCDay() !== 0 && !isHoliday(utcMsToDay(ms))) count++;
  }
  return count;
}

export type DayRange = { start: string; end: string };

/** The leave year (1 May – 30 April) containing `day`. */
export function leaveYearContaining(day: string): DayRange {
  dayToUtcMs(day);
  const year = Number(day.slice(0, 4));
  const startYear = day.slice(5) >= '05-01' ? year : year - 1;
  return { start: `${startYear}-05-01`, end: `${startYear + 1}-04-30` };
}
