// Payment status of a registered leave, as the member sees it. Pure.
// The stored status is what the caisse recorded; until it records more, the run stored with the leave at
// registration says the rest through lib/leave/runs (paymentStatusOf): once its registration deadline has
// passed the payment is scheduled (the leave can no longer be edited or cancelled), from its payment day it
// is paid. The stored run, not today's key dates, decides: moving a key date later does not move a leave
// already registered under it.

import { paymentStatusOf } from './runs';

export type LeavePaymentStatus = 'registered' | 'payment_scheduled' | 'paid';

export const leaveStatusLabels: Record<LeavePaymentStatus, string> = {
  registered: 'Enregistré',
  payment_scheduled: 'Paiement programmé',
  paid: 'Payé',
};

export const leaveKindLabels = { main: 'Congé principal', other: 'Autre congé' } as const;

export type LeaveStatusFacts = { status: LeavePaymentStatus; paymentDeadline: string | null; paymentOn: string | null; paidOn?: string | null };

/** The status from the run stored at registration (the caisse's own record, when it says « payé », wins). */
export function effectiveLeaveStatus(leave: LeaveStatusFacts, today: string): LeavePaymentStatus {
  if (leave.status === 'paid') return 'paid';
  if (!leave.paymentDeadline || !leave.paymentOn) return leave.status;
  const derived = paymentStatusOf(leave.paymentDeadline, [{ deadline: leave.paymentDeadline, paymentOn: leave.paymentOn }], today).status;
  if (derived === 'paid') return 'paid';
  return derived === 'scheduled' || leave.status === 'payment_scheduled' ? 'payment_scheduled' : 'registered';
}

/** Edit and cancel are offered until the payment is scheduled. */
export function isLeaveEditable(leave: LeaveStatusFacts, today: string): boolean {
  return effectiveLeaveStatus(leave, today) === 'registered';
}
