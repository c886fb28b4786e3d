// The leave indemnity, in integer cents. Pure. CONTRACT (lead): signatures fixed; bodies by leave-rules.
import { HOLIDAY_BONUS_MIN_HOURS } from './rights';

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
  /** Whether the hours condition of the holiday bonus is met (the bonus itself only goes with the main leave). */
  hasBonusHours?: boolean;
};

/** How amounts are rounded, in French, for the detail view. */
export const indemnityRoundingText: string =
  'La valeur journalière est gardée exacte dans le calcul (elle est arrondie au centime seulement pour l’affichage) ; ' +
  'l’indemnité du congé est arrondie au centime le plus proche (0,5 centime arrondi au centime supérieur), ' +
  'puis la prime de vacances est de 30 % de ce montant arrondi, arrondie de la même façon.';

/** round(numerator ÷ denominator) half up, for non-negative integers. */
function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

function nonNegativeInteger(n: number): bigint {
  return Number.isFinite(n) && n > 0 ? BigInt(Math.round(n)) : 0n;
}

/**
 * The higher of 1/10 of the reference-period gross wages (« règle du dixième ») and the last hourly rate
 * × hours worked ÷ 10 (« maintien de salaire »), divided by the days acquired to give a daily value,
 * × the days of this leave; + 30 % holiday bonus on the main leave when the worker reached 1,675 hours.
 *
 * Computed exactly in integers (thousandths of a cent, BigInt) and rounded half up only for what is
 * shown: the base is rounded from the exact daily value (never from a rounded one), the bonus is 30 % of
 * the rounded base, and the total is base + bonus, so the detail a user reads adds up to the cent. A tie
 * between the two formulas keeps the tenth.
 */
export function computeIndemnity(input: IndemnityInput): IndemnityResult {
  const wages = nonNegativeInteger(input.grossWagesCents);
  const rate = nonNegativeInteger(input.lastHourlyRateCents);
  const hundredths = nonNegativeInteger(input.hoursHundredths);
  const acquired = nonNegativeInteger(input.acquiredDays);
  const leaveDays = nonNegativeInteger(input.leaveDays);

  // Both formulas in thousandths of a cent: wages ÷ 10 = wages × 100 / 1000; rate × (hundredths ÷ 100) ÷ 10 = rate × hundredths / 1000.
  const tenthMilli = wages * 100n;
  const maintainMilli = rate * hundredths;
  const formula: IndemnityResult['formula'] = maintainMilli > tenthMilli ? 'maintain' : 'tenth';
  const bestMilli = formula === 'maintain' ? maintainMilli : tenthMilli;

  const hasBonusHours = hundredths >= BigInt(HOLIDAY_BONUS_MIN_HOURS * 100);
  const tenthCents = roundHalfUp(tenthMilli, 1000n);
  const maintainCents = roundHalfUp(maintainMilli, 1000n);
  if (acquired === 0n) {
    return { tenthCents, maintainCents, formula, dailyValueCents: 0, baseCents: 0, bonusCents: 0, totalCents: 0, hasBonusHours };
  }

  const dailyValueCents = roundHalfUp(bestMilli, 1000n * acquired);
  const baseCents = roundHalfUp(bestMilli * leaveDays, 1000n * acquired);
  const bonusCents = input.isMainLeave && hasBonusHours ? roundHalfUp(BigInt(baseCents) * 3n, 10n) : 0;
  return { tenthCents, maintainCents, formula, dailyValueCents, baseCents, bonusCents, totalCents: baseCents + bonusCents, hasBonusHours };
}
