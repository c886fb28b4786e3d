// Leave rights acquired from declared hours. Pure. CONTRACT (lead): signatures fixed; bodies by leave-rules.

/** Hours in the reference period from which the 30 % holiday bonus applies to the main leave. */
export const HOLIDAY_BONUS_MIN_HOURS = 1675;

/** Days acquired (jours ouvrables) for hours worked in a reference period (hours × 100): 2.5 per 150 h, capped at 30; rounding documented in the body. */
export function acquiredDays(hoursHundredths: number): number {
  void hoursHundredths;
  throw new Error('not implemented yet (leave-rules)');
}

/** One sentence in French that states the rounding rule used, shown on the rights page. */
export const acquisitionRuleText: string = '';
