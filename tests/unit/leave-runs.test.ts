import { describe, expect, it } from 'vitest';
import { canChangeLeave, nextDeadline, paymentRunFor, paymentStatusOf, toPaymentRuns, type PaymentRun } from '@/lib/leave/runs';

const runs: PaymentRun[] = [
  { deadline: '2026-06-15', paymentOn: '2026-06-30' },
  { deadline: '2026-05-15', paymentOn: '2026-05-29' },
  { deadline: '2026-07-15', paymentOn: '2026-07-31' },
];

describe('paymentRunFor: the first run whose deadline is on or after the registration day', () => {
  it.each([
    ['2026-05-01', '2026-05-15'],
    ['2026-05-15', '2026-05-15'], // on the deadline day: still in that run
    ['2026-05-16', '2026-06-15'], // the day after: the next run
    ['2026-07-15', '2026-07-15'],
  ])('registered on %s → run of %s', (registeredOn, deadline) => {
    expect(paymentRunFor(registeredOn, runs)?.deadline).toBe(deadline);
  });

  it('is null when no later deadline is announced', () => {
    expect(paymentRunFor('2026-07-16', runs)).toBeNull();
    expect(paymentRunFor('2026-05-01', [])).toBeNull();
  });
});

describe('toPaymentRuns', () => {
  it('takes the key date’s end date as payment day, else the deadline + the default delay, sorted by deadline', () => {
    expect(
      toPaymentRuns(
        [
          { startsOn: '2026-06-15', endsOn: null },
          { startsOn: '2026-05-15', endsOn: '2026-05-29' },
          { startsOn: '2026-12-20', endsOn: null },
        ],
        14,
      ),
    ).toEqual([
      { deadline: '2026-05-15', paymentOn: '2026-05-29' },
      { deadline: '2026-06-15', paymentOn: '2026-06-29' },
      { deadline: '2026-12-20', paymentOn: '2027-01-03' },
    ]);
  });

  it('ignores an end date before its deadline and a repeated deadline', () => {
    expect(
      toPaymentRuns(
        [
          { startsOn: '2026-05-15', endsOn: '2026-05-01' },
          { startsOn: '2026-05-15', endsOn: '2026-06-01' },
        ],
        10,
      ),
    ).toEqual([{ deadline: '2026-05-15', paymentOn: '2026-05-25' }]);
  });
});

describe('payment status: enregistré → paiement programmé → payé', () => {
  it.each([
    ['2026-05-10', 'registered', true],
    ['2026-05-15', 'registered', true],
    ['2026-05-16', 'scheduled', false],
    ['2026-05-28', 'scheduled', false],
    ['2026-05-29', 'paid', false],
  ] as const)('a leave registered on 2026-05-02, seen on %s, is %s', (today, status, changeable) => {
    expect(paymentStatusOf('2026-05-02', runs, today)).toEqual({ status, run: { deadline: '2026-05-15', paymentOn: '2026-05-29' } });
    expect(canChangeLeave('2026-05-02', runs, today)).toBe(changeable);
  });

  it('stays registered while no run is announced', () => {
    expect(paymentStatusOf('2026-08-01', runs, '2026-09-01')).toEqual({ status: 'registered', run: null });
  });

  it('counts down to the next deadline', () => {
    expect(nextDeadline('2026-05-10', runs)).toEqual({ run: { deadline: '2026-05-15', paymentOn: '2026-05-29' }, daysLeft: 5 });
    expect(nextDeadline('2026-05-15', runs)?.daysLeft).toBe(0);
    expect(nextDeadline('2026-08-01', runs)).toBeNull();
  });
});
