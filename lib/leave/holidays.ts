// Public holidays (jours fériés) of a company's department: the 11 national ones, plus Good Friday and
// 26 December in Alsace-Moselle (departments 57, 67, 68). Pure; backed by a maintained library.
// CONTRACT (lead, session 2): signatures fixed; bodies written by the leave-rules helper.
import Holidays from 'date-holidays';

export type PublicHoliday = { date: string; name: string };

/** Departments under Alsace-Moselle local law (two extra public holidays). */
export const ALSACE_MOSELLE_DEPARTMENTS: readonly string[] = ['57', '67', '68'];

/** Whether a company's department ('57', '67', '68') is under Alsace-Moselle local law. */
export function isAlsaceMoselle(department: string | null | undefined): boolean {
  return department != null && ALSACE_MOSELLE_DEPARTMENTS.includes(department.trim());
}

// date-holidays knows the three departments as states of FR; Moselle (57) carries the same two extra days
// (Vendredi saint, Lendemain de Noël) as 67 and 68. Only type 'public' counts: the library also lists
// observances (Pentecost Sunday, Mother's Day) that are not jours fériés.
const national = new Holidays('FR');
const alsaceMoselleCalendar = new Holidays('FR', '57');

// The calendar of a year never changes: computed once per (year, region) and kept (the team view asks
// for the same years for hundreds of workers).
const cache = new Map<string, readonly PublicHoliday[]>();

function holidaysOfYear(year: number, alsaceMoselle: boolean): readonly PublicHoliday[] {
  const key = `${year}:${alsaceMoselle ? 'am' : 'fr'}`;
  let list = cache.get(key);
  if (!list) {
    const calendar = alsaceMoselle ? alsaceMoselleCalendar : national;
    list = calendar
      .getHolidays(year, 'fr')
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    cache.set(key, list);
  }
  return list;
}

/** Holidays of a calendar year, sorted by date (YYYY-MM-DD). */
export function publicHolidays(year: number, alsaceMoselle: boolean): PublicHoliday[] {
  return holidaysOfYear(year, alsaceMoselle).map((h) => ({ ...h }));
}

/** Holidays between two dates inclusive (YYYY-MM-DD), sorted. */
export function publicHolidaysBetween(start: string, end: string, alsaceMoselle: boolean): PublicHoliday[] {
  if (end < start) return [];
  const result: PublicHoliday[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    for (const h of holidaysOfYear(year, alsaceMoselle)) {
      if (h.date >= start && h.date <= end) result.push({ ...h });
    }
  }
  return result;
}

/** The set of holiday dates (YYYY-MM-DD) of a year, for fast lookups in loops over days. */
const dateSets = new Map<string, ReadonlySet<string>>();

export function publicHolidayDates(year: number, alsaceMoselle: boolean): ReadonlySet<string> {
  const key = `${year}:${alsaceMoselle ? 'am' : 'fr'}`;
  let set = dateSets.get(key);
  if (!set) {
    set = new Set(holidaysOfYear(year, alsaceMoselle).map((h) => h.date));
    dateSets.set(key, set);
  }
  return set;
}

export function isPublicHoliday(day: string, alsaceMoselle: boolean): boolean {
  return publicHolidayDates(Number(day.slice(0, 4)), alsaceMoselle).has(day);
}
