import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acquiredDays, acquisitionRuleText, MAX_ACQUIRED_DAYS } from '@/lib/leave/rights';

describe('acquiredDays: 2.5 jours ouvrables per 150 hours, rounded up, capped at 30', () => {
  it.each([
    // [hours × 100, days]
    [0, 0],
    [-500, 0],
    [1, 1], // 0.01 h: a started day counts
    [6000, 1], // 60 h = exactly 1 day
    [6001, 2],
    [15000, 3], // 150 h = 2.5 days → 3
    [30000, 5], // 300 h = exactly 5 days
    [60000, 10],
    [151_200, 26], // 1,512 h = 25.2 → 26
    [167_500, 28], // 1,675 h = 27.92 → 28
    [174_000, 29], // 1,740 h = exactly 29
    [174_001, 30],
    [180_000, 30], // 1,800 h = 30
    [220_000, 30], // capped
  ])('%i hundredths of an hour give %i days', (hundredths, days) => {
    expect(acquiredDays(hundredths)).toBe(days);
  });

  it('grows with hours and stays within 0 … 30', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400_000 }), fc.integer({ min: 0, max: 50_000 }), (h, extra) => {
        const d = acquiredDays(h);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(MAX_ACQUIRED_DAYS);
        expect(acquiredDays(h + extra)).toBeGreaterThanOrEqual(d);
        // Never less than the exact proportional figure, never a whole day more.
        const exact = Math.min(30, h / 6000);
        expect(d).toBeGreaterThanOrEqual(exact);
        expect(d - exact).toBeLessThan(1);
      }),
    );
  });

  it('states its rule in French, with the rounding', () => {
    expect(acquisitionRuleText).toContain('2,5 jours ouvrables');
    expect(acquisitionRuleText).toContain('150 heures');
    expect(acquisitionRuleText).toContain('arrondi au jour entier supérieur');
    expect(acquisitionRuleText).toContain('30 jours');
  });
});
