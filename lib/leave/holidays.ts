// Public holidays (jours fériés) of a company's department: the 11 national ones, plus Good Friday and
// 26 December in Alsace-Moselle (departments 57, 67, 68). Pure; backed by a maintained library.
// CONTRACT (lead, session 2): signatures fixed; bodies written by the leave-rules helper.

export type PublicHoliday = { date: string; name: string };

/** Holidays of a calendar year, sorted by date (YYYY-MM-DD). */
export function publicHolidays(year: number, alsaceMoselle: boolean): PublicHoliday[] {
  void year;
  void alsaceMoselle;
  throw new Error('not implemented yet (leave-rules)');
}

/** Holidays between two dates inclusive (YYYY-MM-DD), sorted. */
export function publicHolidaysBetween(start: string, end: string, alsaceMoselle: boolean): PublicHoliday[] {
  void start;
  void end;
  void alsaceMoselle;
  throw new Error('not implemented yet (leave-rules)');
}

export function isPublicHoliday(day: string, alsaceMoselle: boolean): boolean {
  void day;
  void alsaceMoselle;
  throw new Error('not implemented yet (leave-rules)');
}
