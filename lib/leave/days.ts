// Calendar arithmetic of paid leave. Pure. CONTRACT (lead): signatures fixed; bodies by leave-rules.
// Dates are calendar days 'YYYY-MM-DD' (SQL `date`), handled in UTC so that no time zone or daylight
// saving change can shift a day.
import { publicHolidayDates } from './holidays';
import { dayToUtcMs, leaveYearContaining, utcMsToDay } from './calendar';

// Client components import './calendar' instead (no holiday library); these are the same functions.
export { calendarDays, isIsoDay, shiftDay, weekdayOf } from './calendar';

export type DateRange = { start: string; end: string };

const DAY_MS = 86_400_000;

/** Whether `day` is a jour ouvrable: Monday–Saturday and not a public holiday of the region. */
export function isJourOuvrable(day: string, alsaceMoselle: boolean): boolean {
  return new Date(dayToUtcMs(day)).getUTCDay() !== 0 && !publicHolidayDates(Number(day.slice(0, 4)), alsaceMoselle).has(day);
}

/**
 * Jours ouvrables (Monday–Saturday) between start and end inclusive, minus public holidays.
 * A holiday falling on a Sunday removes nothing (Sunday is never counted); 0 when end is before start.
 */
export function countLeaveDays(start: string, end: string, alsaceMoselle: boolean): number {
  const from = dayToUtcMs(start);
  const to = dayToUtcMs(end);
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
    if (!holidays.has(utcMsToDay(ms))) count++;
  }
  return count;
}

/** The leave year (1 May – 30 April) containing `day`. */
export function leaveYearOf(day: string): DateRange {
  return leaveYearContaining(day);
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
