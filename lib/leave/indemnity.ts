// The leave indemnity, in integer cents. Pure. CONTRACT (lead): signatures fixed; bodies by leave-rules.

export type IndemnityInput = {
  /** Gross wages of the reference period. */
  grossWagesCents: number;
  /** Last hourly rate (gross wages ÷ hours of the last declared month), in cents per hour. */
  lastHourlyRateCents: number;
  /** Hours worked in the reference period × 100. */
  hoursHundredths: number;
  /** Days acquired in the reference period (from acquiredDays). */
  acquiredDays: number;
  /** Days of this leave. */
  leaveDays: number;
  isMainLeave: boolean;
};

export type IndemnityResult = {
  /** 1/10 of the reference-period wages. */
  tenthCents: number;
  /** Last rate × time worked ÷ 10. */
  maintainCents: number;
  formula: 'tenth' | 'maintain';
  /** Higher of the two ÷ acquired days. */
  dailyValueCents: number;
  baseCents: number;
  /** 30 % holiday bonus on the main leave when hours ≥ 1,675; else 0. */
  bonusCents: number;
  totalCents: number;
};

export function computeIndemnity(input: IndemnityInput): IndemnityResult {
  void input;
  throw new Error('not implemented yet (leave-rules)');
}
