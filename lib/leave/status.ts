// Payment status of a registered leave, as the member sees it. Pure.
// The stored status is what the caisse recorded; until it records more, the dates of the leave's payment
// run say the rest: once the run's registration deadline has passed the payment is scheduled (the leave
// can no longer be edited or cancelled), once the run's payment date has passed it is paid.

export type LeavePaymentStatus = 'registered' | 'payment_scheduled' | 'paid';

export const leaveStatusLabels: Record<LeavePaymentStatus, string> = {
  registered: 'Enregistré',
  payment_scheduled: 'Paiement programmé',
  paid: 'Payé',
};

export const leaveKindLabels = { main: 'Congé principal', other: 'Autre congé' } as const;

export type LeaveStatusFacts = { status: LeavePaymentStatus; paymentDeadline: string | null; paymentOn: string | null; paidOn?: string | null };

export function effectiveLeaveStatus(leave: LeaveStatusFacts, today: string): LeavePaymentStatus {
  if (leave.status === 'paid') return 'paid';
  if (leave.paymentOn && leave.paymentOn <= today) return 'paid';
  if (leave.status === 'payment_scheduled') return 'payment_scheduled';
  if (leave.paymentDeadline && leave.paymentDeadline < today) return 'payment_scheduled';
  return 'registered';
}

/** « Paiement programmé le 05/01/2027 », « Payé le … », « Enregistré » — with the date when one is known. */
export function isLeaveEditable(leave: LeaveStatusFacts, today: string): boolean {
  return effectiveLeaveStatus(leave, today) === 'registered';
}
