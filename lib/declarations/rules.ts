// Pure rules of the monthly declarations: which rate applies, and the contribution of one line.
// No I/O: the rates come from the contribution_rates table (effective-dated data).

export type WorkerCategory = 'ouvrier' | 'etam' | 'cadre';
export type RateRow = { category: WorkerCategory | null; effectiveFrom: string; rateBasisPoints: number };

/**
 * The rate in force for a declared month (`period`, YYYY-MM-01) and a category: the latest row whose
 * effective date is on or before the period, a category's own row winning over the all-categories row
 * of the same or an earlier date. Null when no rate is in force (the caller refuses the declaration).
 */
export function rateFor(rates: readonly RateRow[], period: string, category: WorkerCategory): RateRow | null {
  let best: RateRow | null = null;
  for (const r of rates) {
    if (r.effectiveFrom > period) continue;
    if (r.category !== null && r.category !== category) continue;
    if (
      !best ||
      r.effectiveFrom > best.effectiveFrom ||
      (r.effectiveFrom === best.effectiveFrom && r.category !== null && best.category === null)
    )
      best = r;
  }
  return best;
}

/** Contribution of a line in integer cents: wages × rate, rounded half up to the cent. */
export function contributionCents(grossWagesCents: number, rateBasisPoints: number): number {
  if (!Number.isSafeInteger(grossWagesCents) || grossWagesCents < 0) throw new RangeError('gross wages must be a non-negative integer of cents');
  // Integer arithmetic: cents × bp / 10 000, + 5 000 to round half up.
  return Math.floor((grossWagesCents * rateBasisPoints + 5000) / 10000);
}

/** Monthly hours of a contractual weekly duration (35 h → 151,67 h), in hundredths. */
export function monthlyHoursHundredths(weeklyHours: number): number {
  return Math.round((weeklyHours * 52 * 100) / 12);
}
