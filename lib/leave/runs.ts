// Registration deadlines → payment runs. Pure. CONTRACT (lead): signatures fixed; bodies by leave-rules.
import { calendarDays, shiftDay } from './days';

/** A key date of kind leave_registration_deadline and the payment run it feeds. */
export type PaymentRun = { deadline: string; paymentOn: string };

function byDeadline(a: PaymentRun, b: PaymentRun): number {
  return a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0;
}

/**
 * The run a leave registered on `registeredOn` is paid in: the first run whose deadline is ≥ that day; null when none is announced yet.
 * A leave registered on the deadline day itself is still in that run.
 */
export function paymentRunFor(registeredOn: string, runs: readonly PaymentRun[]): PaymentRun | null {
  let found: PaymentRun | null = null;
  for (const run of runs) {
    if (run.deadline >= registeredOn && (found === null || run.deadline < found.deadline)) found = run;
  }
  return found;
}

/**
 * The paymentOn date of the run fed by a deadline (data: the key date's end date if set, else deadline + a configured number of days).
 * Sorted by deadline; an end date before its deadline (bad data) falls back to the default delay; two key
 * dates with the same deadline give one run (the first listed).
 */
export function toPaymentRuns(deadlines: readonly { startsOn: string; endsOn: string | null }[], defaultDelayDays: number): PaymentRun[] {
  const seen = new Set<string>();
  const runs: PaymentRun[] = [];
  for (const { startsOn, endsOn } of deadlines) {
    if (seen.has(startsOn)) continue;
    seen.add(startsOn);
    runs.push({ deadline: startsOn, paymentOn: endsOn !== null && endsOn >= startsOn ? endsOn : shiftDay(startsOn, defaultDelayDays) });
  }
  return runs.sort(byDeadline);
}

/** Status of a leave's payment, in order: enregistré → paiement programmé (date) → payé. */
export type LeaveStatus = 'registered' | 'scheduled' | 'paid';

/** The labels of the statuses, as the screens, exports and certificates print them. */
export const leaveStatusLabels: Record<LeaveStatus, string> = {
  registered: 'Enregistré',
  scheduled: 'Paiement programmé',
  paid: 'Payé',
};

export type LeavePaymentStatus =
  /** « enregistré »: the deadline of its run has not passed; the leave may still be edited or cancelled. */
  | { status: 'registered'; run: PaymentRun | null }
  /** « paiement programmé (date) »: the deadline has passed, the run will pay on `paymentOn`. */
  | { status: 'scheduled'; run: PaymentRun }
  /** « payé »: the payment date of its run has come. */
  | { status: 'paid'; run: PaymentRun };

/**
 * The status of a leave derived from the dates alone (the caisse's own record of a payment, when there
 * is one, wins over it): registered until its run's deadline, scheduled after it, paid from the payment day.
 */
export function paymentStatusOf(registeredOn: string, runs: readonly PaymentRun[], today: string): LeavePaymentStatus {
  const run = paymentRunFor(registeredOn, runs);
  if (run === null || today <= run.deadline) return { status: 'registered', run };
  if (today < run.paymentOn) return { status: 'scheduled', run };
  return { status: 'paid', run };
}

/** Whether a leave may still be edited or cancelled: until its payment is scheduled. */
export function canChangeLeave(registeredOn: string, runs: readonly PaymentRun[], today: string): boolean {
  return paymentStatusOf(registeredOn, runs, today).status === 'registered';
}

/** The next registration deadline from `today` (inclusive) and the whole days left until it (0 on the day). */
export function nextDeadline(today: string, runs: readonly PaymentRun[]): { run: PaymentRun; daysLeft: number } | null {
  const run = paymentRunFor(today, runs);
  return run === null ? null : { run, daysLeft: calendarDays(today, run.deadline) - 1 };
}
