import { bigint, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { organisations, users } from './organisations';

export const paymentMethod = pgEnum('payment_method', ['sepa_debit', 'transfer']);
export const paymentStatus = pgEnum('payment_status', ['announced', 'received', 'rejected']);

/**
 * Payments of contributions, each settling one declared month (`period`, first day of the month).
 * `announced`: the company confirmed it online; `received`: the caisse recorded the settlement;
 * `rejected`: the bank rejected it (a rejected SEPA debit switches automatic debit off).
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    period: date('period', { mode: 'string' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    method: paymentMethod('method').notNull(),
    status: paymentStatus('status').notNull().default('announced'),
    /** The payment reference quoted on a transfer, or the SEPA end-to-end id. */
    reference: text('reference'),
    announcedAt: timestamp('announced_at', { withTimezone: true }),
    announcedByUserId: uuid('announced_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    receivedOn: date('received_on', { mode: 'string' }),
    rejectedOn: date('rejected_on', { mode: 'string' }),
    rejectionReason: text('rejection_reason'),
    ...timestamps,
  },
  (t) => [index('payments_company_period_idx').on(t.companyId, t.period)],
);
