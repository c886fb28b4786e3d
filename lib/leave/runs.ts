// Registration deadlines → payment runs. Pure. CONTRACT (lead): signatures fixed; bodies by leave-rules.

/** A key date of kind leave_registration_deadline and the payment run it feeds. */
export type PaymentRun = { deadline: string; paymentOn: string };

/** The run a leave registered on `registeredOn` is paid in: the first run whose deadline is ≥ that day; null when none is announced yet. */
export function paymentRunFor(registeredOn: string, runs: readonly PaymentRun[]): PaymentRun | null {
  void registeredOn;
  void runs;
  throw new Error('not implemented yet (leave-rules)');
}

/** The paymentOn date of the run fed by a deadline (data: the key date's end date if set, else deadline + a configured number of days). */
export function toPaymentRuns(deadlines: readonly { startsOn: string; endsOn: string | null }[], defaultDelayDays: number): PaymentRun[] {
  void deadlines;
  void defaultDelayDays;
  throw new Error('not implemented yet (leave-rules)');
}
