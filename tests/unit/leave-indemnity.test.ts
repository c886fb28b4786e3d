import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndemnity, indemnityRoundingText, type IndemnityInput } from '@/lib/leave/indemnity';

const base: IndemnityInput = { grossWagesCents: 0, lastHourlyRateCents: 0, hoursHundredths: 0, acquiredDays: 0, leaveDays: 0, isMainLeave: true };

describe('computeIndemnity', () => {
  it.each([
    {
      label: 'the tenth wins (36 000 € of wages, 20 €/h × 1 600 h), no bonus under 1 675 h',
      input: { grossWagesCents: 3_600_000, lastHourlyRateCents: 2000, hoursHundredths: 160_000, acquiredDays: 27, leaveDays: 6, isMainLeave: true },
      expected: { tenthCents: 360_000, maintainCents: 320_000, formula: 'tenth', dailyValueCents: 13_333, baseCents: 80_000, bonusCents: 0, totalCents: 80_000 },
    },
    {
      // 340 000 × 12 ÷ 29 = 140 689.66 → 140 690 (from the rounded daily value it would be 11 724 × 12 = 140 688).
      label: 'salary maintenance wins (20 €/h × 1 700 h), main leave with the 30 % bonus',
      input: { grossWagesCents: 3_000_000, lastHourlyRateCents: 2000, hoursHundredths: 170_000, acquiredDays: 29, leaveDays: 12, isMainLeave: true },
      expected: { tenthCents: 300_000, maintainCents: 340_000, formula: 'maintain', dailyValueCents: 11_724, baseCents: 140_690, bonusCents: 42_207, totalCents: 182_897 },
    },
    {
      label: 'the same hours on other leave: no bonus',
      input: { grossWagesCents: 3_000_000, lastHourlyRateCents: 2000, hoursHundredths: 170_000, acquiredDays: 29, leaveDays: 12, isMainLeave: false },
      expected: { tenthCents: 300_000, maintainCents: 340_000, formula: 'maintain', dailyValueCents: 11_724, baseCents: 140_690, bonusCents: 0, totalCents: 140_690 },
    },
    {
      label: 'exactly 1 675 h: the bonus applies',
      input: { grossWagesCents: 2_000_000, lastHourlyRateCents: 1000, hoursHundredths: 167_500, acquiredDays: 28, leaveDays: 1, isMainLeave: true },
      expected: { tenthCents: 200_000, maintainCents: 167_500, formula: 'tenth', dailyValueCents: 7143, baseCents: 7143, bonusCents: 2143, totalCents: 9286 },
    },
    {
      label: '1 674,99 h: no bonus',
      input: { grossWagesCents: 2_000_000, lastHourlyRateCents: 1000, hoursHundredths: 167_499, acquiredDays: 28, leaveDays: 1, isMainLeave: true },
      expected: { tenthCents: 200_000, maintainCents: 167_499, formula: 'tenth', dailyValueCents: 7143, baseCents: 7143, bonusCents: 0, totalCents: 7143 },
    },
    {
      label: 'a tie keeps the tenth',
      input: { grossWagesCents: 2_000_000, lastHourlyRateCents: 1250, hoursHundredths: 160_000, acquiredDays: 27, leaveDays: 27, isMainLeave: false },
      expected: { tenthCents: 200_000, maintainCents: 200_000, formula: 'tenth', dailyValueCents: 7407, baseCents: 200_000, bonusCents: 0, totalCents: 200_000 },
    },
    {
      label: 'half a cent rounds up (100,05 € ÷ 10)',
      input: { grossWagesCents: 10_005, lastHourlyRateCents: 0, hoursHundredths: 6000, acquiredDays: 1, leaveDays: 1, isMainLeave: false },
      expected: { tenthCents: 1001, maintainCents: 0, formula: 'tenth', dailyValueCents: 1001, baseCents: 1001, bonusCents: 0, totalCents: 1001 },
    },
    {
      label: 'the bonus rounds half up too (30 % of 10,05 € = 3,015 €)',
      input: { grossWagesCents: 10_050, lastHourlyRateCents: 0, hoursHundredths: 167_500, acquiredDays: 1, leaveDays: 1, isMainLeave: true },
      expected: { tenthCents: 1005, maintainCents: 0, formula: 'tenth', dailyValueCents: 1005, baseCents: 1005, bonusCents: 302, totalCents: 1307 },
    },
    {
      label: 'a fractional rate × hours (13,33 €/h × 1 234,56 h ÷ 10 = 16 456,68 €)',
      input: { grossWagesCents: 1_000_000, lastHourlyRateCents: 1333, hoursHundredths: 123_456, acquiredDays: 21, leaveDays: 0, isMainLeave: false },
      expected: { tenthCents: 100_000, maintainCents: 164_567, formula: 'maintain', dailyValueCents: 7837, baseCents: 0, bonusCents: 0, totalCents: 0 },
    },
    {
      label: 'no days acquired: nothing to pay',
      input: { grossWagesCents: 500_000, lastHourlyRateCents: 1500, hoursHundredths: 0, acquiredDays: 0, leaveDays: 5, isMainLeave: true },
      expected: { tenthCents: 50_000, maintainCents: 0, formula: 'tenth', dailyValueCents: 0, baseCents: 0, bonusCents: 0, totalCents: 0 },
    },
  ] as const)('$label', ({ input, expected }) => {
    expect(computeIndemnity(input)).toMatchObject(expected);
  });

  it('gives integer cents, total = base + bonus, and the whole rights pay the higher formula', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 250_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (wages, rate, hours, acquired, isMainLeave) => {
          const whole = computeIndemnity({ ...base, grossWagesCents: wages, lastHourlyRateCents: rate, hoursHundredths: hours, acquiredDays: acquired, leaveDays: acquired, isMainLeave });
          for (const v of [whole.tenthCents, whole.maintainCents, whole.dailyValueCents, whole.baseCents, whole.bonusCents, whole.totalCents]) expect(Number.isInteger(v)).toBe(true);
          expect(whole.totalCents).toBe(whole.baseCents + whole.bonusCents);
          // All the days acquired pay exactly the higher of the two figures (to the cent).
          expect(Math.abs(whole.baseCents - Math.max(wages / 10, (rate * hours) / 1000))).toBeLessThanOrEqual(0.5);
          expect(whole.formula === 'maintain' ? whole.maintainCents >= whole.tenthCents : whole.tenthCents >= whole.maintainCents).toBe(true);
        },
      ),
    );
  });

  it('states its rounding in French', () => {
    expect(indemnityRoundingText).toContain('arrondie au centime');
  });
});
