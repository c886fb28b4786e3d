// Leave rights acquired from declared hours. Pure. CONTRACT (lead): signatures fixed; bodies by leave-rules.

/** Hours in the reference period from which the 30 % holiday bonus applies to the main leave. */
export const HOLIDAY_BONUS_MIN_HOURS = 1675;

/** The most days a reference period can give (five weeks of jours ouvrables). */
export const MAX_ACQUIRED_DAYS = 30;

/** Hundredths of an hour that give one day: 150 h give 2.5 days, so one day per 60 h. */
const HUNDREDTHS_PER_DAY = 60 * 100;

/**
 * Days acquired (jours ouvrables) for hours worked in a reference period (hours × 100): 2.5 per 150 h,
 * capped at 30.
 *
 * Rounding: the exact figure is hours ÷ 60 (2.5 days per 150 h); when it is not a whole number it is
 * raised to the next whole day, as the Code du travail (art. L3141-7) requires for paid leave: 61 h give
 * 2 days, 60 h give 1. Computed in integers (hundredths of an hour), so no floating-point error can add
 * a day. 1,740 h give exactly 29 days; anything above gives the cap of 30.
 */
export function acquiredDays(hoursHundredths: number): number {
  if (!Number.isFinite(hoursHundredths) || hoursHundredths <= 0) return 0;
  const hundredths = Math.round(hoursHundredths);
  const days = Math.floor((hundredths + HUNDREDTHS_PER_DAY - 1) / HUNDREDTHS_PER_DAY);
  return Math.min(MAX_ACQUIRED_DAYS, days);
}

/** One sentence in French that states the rounding rule used, shown on the rights page. */
export const acquisitionRuleText: string =
  'Vous acquérez 2,5 jours ouvrables de congés par tranche de 150 heures déclarées sur la période de référence ' +
  '(1er avril – 31 mars), soit 1 jour pour 60 heures ; un nombre de jours non entier est arrondi au jour entier ' +
  'supérieur (article L3141-7 du Code du travail), dans la limite de 30 jours.';
