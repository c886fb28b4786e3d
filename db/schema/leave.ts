import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgEnum, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { organisations, users } from './organisations';
import { workers } from './workers';

export const leaveKind = pgEnum('leave_kind', ['main', 'other']);
/** enregistré → paiement programmé → payé. « Programmé » once the deadline of the leave's payment run has passed. */
export const leaveStatus = pgEnum('leave_status', ['registered', 'payment_scheduled', 'paid']);

/**
 * Leave dates registered by the employer for a worker. Registration triggers the caisse's payment of the
 * indemnity: the leave goes in the payment run of the first registration deadline on or after the day it
 * was registered (`payment_deadline` / `payment_on`, null while the caisse announces none). Cancelled
 * leaves stay (cancelled_at set) for the history; every rule and overlap check ignores them.
 * Overlaps are refused under a row lock on the worker (lib/leave/mutations.ts), on both engines.
 */
export const leaves = pgTable(
  'leaves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'restrict' }),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    /** Inclusive. */
    endOn: date('end_on', { mode: 'string' }).notNull(),
    kind: leaveKind('kind').notNull(),
    /** Jours ouvrables counted (Monday–Saturday minus public holidays). */
    days: integer('days').notNull(),
    /** First day of the leave year (1 May) the leave belongs to. */
    leaveYearStart: date('leave_year_start', { mode: 'string' }).notNull(),
    status: leaveStatus('status').notNull().default('registered'),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    registeredByUserId: uuid('registered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The registration deadline the leave was registered under, and the date of that payment run. */
    paymentDeadline: date('payment_deadline', { mode: 'string' }),
    paymentOn: date('payment_on', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    /** Indemnity computed at registration (lib/leave/indemnity.ts), integer cents. */
    indemnityCents: bigint('indemnity_cents', { mode: 'number' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledByUserId: uuid('cancelled_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    // The team view reads a company's leaves overlapping a month; the rules read a worker's leaves of a year.
    index('leaves_company_dates_idx').on(t.companyId, t.startOn, t.endOn).where(sql`${t.cancelledAt} is null`),
    index('leaves_worker_year_idx').on(t.workerId, t.leaveYearStart).where(sql`${t.cancelledAt} is null`),
    check('leaves_range_ck', sql`${t.endOn} >= ${t.startOn}`),
    check('leaves_days_ck', sql`${t.days} >= 0`),
  ],
);
