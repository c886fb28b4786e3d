// Months and days of the team view (the grid's columns). Pure (dates as YYYY-MM-DD, computed in UTC so no time zone shifts a day).

import type { DateRange } from './days';

const monthNames = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const weekdayNames = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** '2026-12' → 1–31 December 2026. */
export function monthRange(month: string): DateRange {
  const start = `${month}-01`;
  const d = utc(start);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return { start, end: iso(d) };
}

/** The twelve months ('2026-05' … '2027-04') of a leave year. */
export function monthsOf(leaveYear: DateRange): string[] {
  const out: string[] = [];
  const d = utc(leaveYear.start);
  d.setUTCDate(1);
  while (iso(d) <= leaveYear.end) {
    out.push(iso(d).slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/** « décembre 2026 » */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${monthNames[Number(m) - 1]} ${y}`;
}

export type CalendarDay = { date: string; dayOfMonth: number; weekday: number; weekdayName: string };

export function daysIn(range: DateRange): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (const d = utc(range.start); iso(d) <= range.end; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push({ date: iso(d), dayOfMonth: d.getUTCDate(), weekday: d.getUTCDay(), weekdayName: weekdayNames[d.getUTCDay()]! });
  }
  return out;
}

/** Shifts '2026-12' by n months. */
export function addMonths(month: string, n: number): string {
  const d = utc(`${month}-01`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return iso(d).slice(0, 7);
}
