import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { countJoursOuvrables } from '@/lib/leave/calendar';
import { calendarDays, countLeaveDays, leaveYearOf, referencePeriodFor, shiftDay } from '@/lib/leave/days';
import { publicHolidaysBetween } from '@/lib/leave/holidays';

describe('countLeaveDays: jours ouvrables (Monday–Saturday) minus public holidays', () => {
  it.each([
    // [label, start, end, alsaceMoselle, expected]
    ['a plain week Monday–Saturday', '2026-06-01', '2026-06-06', false, 6],
    ['a plain week Monday–Sunday (Sunday not counted)', '2026-06-01', '2026-06-07', false, 6],
    ['a single Sunday', '2026-06-07', '2026-06-07', false, 0],
    ['a single Saturday', '2026-06-06', '2026-06-06', false, 1],
    ['a week containing 15 August 2026 (a Saturday)', '2026-08-10', '2026-08-15', false, 5],
    ['a week containing 15 August 2025 (a Friday)', '2025-08-11', '2025-08-17', false, 5],
    ['the week of 14 July 2026 (a Tuesday)', '2026-07-13', '2026-07-18', false, 5],
    ['the week of Ascension 2026 (Thursday 14 May)', '2026-05-11', '2026-05-16', false, 5],
    ['a holiday on a Sunday removes nothing (1 Nov 2026)', '2026-10-26', '2026-11-01', false, 6],
    ['Christmas week 2026, national', '2026-12-21', '2026-12-26', false, 5],
    ['Christmas week 2026, Alsace-Moselle (25 and 26 Dec)', '2026-12-21', '2026-12-26', true, 4],
    ['Holy week 2026, national (Good Friday worked)', '2026-03-30', '2026-04-04', false, 6],
    ['Holy week 2026, Alsace-Moselle (Good Friday off)', '2026-03-30', '2026-04-04', true, 5],
    ['26 Dec 2027 on a Sunday, Alsace-Moselle', '2027-12-20', '2027-12-26', true, 5],
    ['February of leap year 2028 (29 days, 4 Sundays)', '2028-02-01', '2028-02-29', false, 25],
    ['February 2027 (28 days, 4 Sundays)', '2027-02-01', '2027-02-28', false, 24],
    ['a week over 29 February 2028', '2028-02-28', '2028-03-04', false, 6],
    ['a leap day alone (Thursday 29 Feb 2024)', '2024-02-29', '2024-02-29', false, 1],
    ['across months, three weeks with 14 July', '2026-06-29', '2026-07-18', false, 17],
    ['across 1 May (1 and 8 May 2026 are Fridays)', '2026-04-27', '2026-05-09', false, 10],
    ['across the new year (1 Jan 2027 a Friday)', '2026-12-28', '2027-01-09', false, 11],
    ['across the new year, Alsace-Moselle', '2026-12-21', '2027-01-02', true, 9],
    ['end before start', '2026-06-06', '2026-06-01', false, 0],
  ] as const)('%s: %s → %s counts %i', (_label, start, end, am, expected) => {
    expect(countLeaveDays(start, end, am)).toBe(expected);
  });

  it('refuses days that do not exist', () => {
    expect(() => countLeaveDays('2027-02-29', '2027-03-01', false)).toThrow(RangeError);
    expect(() => countLeaveDays('2026-13-01', '2026-13-02', false)).toThrow(RangeError);
    expect(() => countLeaveDays('1/5/2026', '2026-05-02', false)).toThrow(RangeError);
  });
});

describe('leave year and reference period', () => {
  it.each([
    ['2026-05-01', '2026-05-01', '2027-04-30'],
    ['2026-04-30', '2025-05-01', '2026-04-30'],
    ['2026-12-31', '2026-05-01', '2027-04-30'],
    ['2027-01-01', '2026-05-01', '2027-04-30'],
    ['2028-02-29', '2027-05-01', '2028-04-30'],
  ])('%s lies in the leave year %s – %s', (day, start, end) => {
    expect(leaveYearOf(day)).toEqual({ start, end });
  });

  it.each([
    ['2026-05-01', '2025-04-01', '2026-03-31'],
    ['2027-04-30', '2025-04-01', '2026-03-31'],
    ['2027-05-01', '2026-04-01', '2027-03-31'],
  ])('the leave year of %s is fed by the hours of %s – %s', (day, start, end) => {
    expect(referencePeriodFor(day)).toEqual({ start, end });
  });
});

// Any day from 2020 to 2035, as YYYY-MM-DD.
const dayArb = fc.integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2035, 11, 31) / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('countLeaveDays properties', () => {
  it('never counts more days than the calendar days of the range', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 400 }), fc.boolean(), (start, length, am) => {
        const end = shiftDay(start, length);
        const days = countLeaveDays(start, end, am);
        expect(days).toBeLessThanOrEqual(calendarDays(start, end));
        expect(days).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('splitting a leave in two never counts more (and counts the same when the halves meet)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 10 }), fc.boolean(), (start, length, cutAt, gap, am) => {
        const end = shiftDay(start, length);
        const cut = shiftDay(start, Math.min(cutAt, length - 1));
        const whole = countLeaveDays(start, end, am);
        const first = countLeaveDays(start, cut, am);
        const second = countLeaveDays(shiftDay(cut, 1 + gap), end, am);
        expect(first + second).toBeLessThanOrEqual(whole);
        if (gap === 0) expect(first + second).toBe(whole);
      }),
    );
  });

  it('Alsace-Moselle never counts more than the national calendar', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 60 }), (start, length) => {
        const end = shiftDay(start, length);
        expect(countLeaveDays(start, end, true)).toBeLessThanOrEqual(countLeaveDays(start, end, false));
      }),
    );
  });
});

describe('client-side count (lib/leave/calendar.ts, no holiday library)', () => {
  it('counts as countLeaveDays when given the holidays of the range', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 120 }), fc.boolean(), (start, length, am) => {
        const end = shiftDay(start, length);
        const holidays = publicHolidaysBetween(start, end, am).map((h) => h.date);
        expect(countJoursOuvrables(start, end, holidays)).toBe(countLeaveDays(start, end, am));
        expect(countJoursOuvrables(start, end, new Set(holidays))).toBe(countLeaveDays(start, end, am));
      }),
    );
  });

  it('imports nothing, so a client bundle stays small', () => {
    expect(readFileSync('lib/leave/calendar.ts', 'utf8')).not.toMatch(/^import /m);
  });
});
