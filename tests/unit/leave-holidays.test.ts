import { describe, expect, it } from 'vitest';
import { isAlsaceMoselle, isPublicHoliday, publicHolidays, publicHolidaysBetween } from '@/lib/leave/holidays';

// Easter-based dates checked against the published calendars (Easter Sunday: 31/03/2024, 20/04/2025,
// 05/04/2026, 28/03/2027, 16/04/2028).
const easterBased: { year: number; goodFriday: string; easterMonday: string; ascension: string; whitMonday: string }[] = [
  { year: 2024, goodFriday: '2024-03-29', easterMonday: '2024-04-01', ascension: '2024-05-09', whitMonday: '2024-05-20' },
  { year: 2025, goodFriday: '2025-04-18', easterMonday: '2025-04-21', ascension: '2025-05-29', whitMonday: '2025-06-09' },
  { year: 2026, goodFriday: '2026-04-03', easterMonday: '2026-04-06', ascension: '2026-05-14', whitMonday: '2026-05-25' },
  { year: 2027, goodFriday: '2027-03-26', easterMonday: '2027-03-29', ascension: '2027-05-06', whitMonday: '2027-05-17' },
  { year: 2028, goodFriday: '2028-04-14', easterMonday: '2028-04-17', ascension: '2028-05-25', whitMonday: '2028-06-05' },
];

describe('public holidays', () => {
  it.each(easterBased)('$year: the 11 national holidays, Easter-based ones included', ({ year, easterMonday, ascension, whitMonday }) => {
    const list = publicHolidays(year, false);
    expect(list.map((h) => h.date)).toEqual([
      `${year}-01-01`,
      easterMonday,
      `${year}-05-01`,
      `${year}-05-08`,
      ascension,
      whitMonday,
      `${year}-07-14`,
      `${year}-08-15`,
      `${year}-11-01`,
      `${year}-11-11`,
      `${year}-12-25`,
    ].sort());
    expect(list).toHaveLength(11);
  });

  it.each(easterBased)('$year in Alsace-Moselle: 13 holidays, with Good Friday and 26 December', ({ year, goodFriday }) => {
    const list = publicHolidays(year, true);
    expect(list).toHaveLength(13);
    expect(list.map((h) => h.date)).toContain(goodFriday);
    expect(list.map((h) => h.date)).toContain(`${year}-12-26`);
    expect(isPublicHoliday(goodFriday, true)).toBe(true);
    expect(isPublicHoliday(goodFriday, false)).toBe(false);
    expect(isPublicHoliday(`${year}-12-26`, true)).toBe(true);
    expect(isPublicHoliday(`${year}-12-26`, false)).toBe(false);
  });

  it('names the holidays in French and keeps only jours fériés (no Pentecost Sunday, no Mother’s Day)', () => {
    const list = publicHolidays(2026, true);
    expect(list.find((h) => h.date === '2026-04-06')?.name).toBe('Lundi de Pâques');
    expect(list.find((h) => h.date === '2026-04-03')?.name).toBe('Vendredi saint');
    expect(list.find((h) => h.date === '2026-12-26')?.name).toBe('Lendemain de Noël');
    expect(list.some((h) => h.date === '2026-05-24')).toBe(false); // Pentecost Sunday
    expect(list.some((h) => h.date === '2026-05-31')).toBe(false); // Mother's Day
    expect(isPublicHoliday('2026-05-24', false)).toBe(false);
  });

  it.each([
    ['2026-05-01', false, true],
    ['2026-07-14', false, true],
    ['2026-08-15', true, true],
    ['2026-08-14', false, false],
    ['2026-12-25', false, true],
    ['2026-12-24', true, false],
  ] as const)('isPublicHoliday(%s, alsaceMoselle=%s) is %s', (day, am, expected) => {
    expect(isPublicHoliday(day, am)).toBe(expected);
  });

  it('lists holidays between two dates inclusive, across a year end, sorted', () => {
    expect(publicHolidaysBetween('2026-12-20', '2027-01-01', false).map((h) => h.date)).toEqual(['2026-12-25', '2027-01-01']);
    expect(publicHolidaysBetween('2026-12-20', '2027-01-01', true).map((h) => h.date)).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
    expect(publicHolidaysBetween('2026-05-01', '2026-05-08', false).map((h) => h.date)).toEqual(['2026-05-01', '2026-05-08']);
    expect(publicHolidaysBetween('2026-05-02', '2026-05-07', false)).toEqual([]);
    expect(publicHolidaysBetween('2026-05-08', '2026-05-01', false)).toEqual([]);
  });

  it('returns copies: a caller cannot alter the cached calendar', () => {
    const list = publicHolidays(2026, false);
    list[0]!.date = '1999-01-01';
    list.pop();
    expect(publicHolidays(2026, false)[0]!.date).toBe('2026-01-01');
    expect(publicHolidays(2026, false)).toHaveLength(11);
  });

  it.each([
    ['57', true],
    ['67', true],
    ['68', true],
    ['54', false],
    ['51', false],
    [null, false],
  ] as const)('department %s is under Alsace-Moselle law: %s', (department, expected) => {
    expect(isAlsaceMoselle(department)).toBe(expected);
  });
});
