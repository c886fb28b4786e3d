import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { organisations, users } from './organisations';

export const paymentMethod = pgEnum('payment_method', ['sepa_debit', 'transfer']);
export const paymentStatus = pgEnum('payment_status', ['announced', 'received', 'rejected']);

/**
 * Terms of the contributions, effective-dated (the row with the latest `effective_from` ≤ the declared
 * month's first day applies to that month): the caisse adds a row when its rules change, never code.
 * - due date of a month's contribution = last day of the month + `payment_delay_days`;
 * - deadline to declare a month = last day of the month + `declaration_delay_days`;
 * - late penalty = `penalty_basis_points_per_month` of the unpaid contribution per month started;
 * - the contribution reminder leaves `reminder_days_before` days before the due date.
 */
export const contributionTerms = pgTable(
  'contribution_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    paymentDelayDays: integer('payment_delay_days').notNull(),
    declarationDelayDays: integer('declaration_delay_days').notNull(),
    /** 100 = 1 % per month started. */
    penaltyBasisPointsPerMonth: integer('penalty_basis_points_per_month').notNull(),
    reminderDaysBefore: integer('reminder_days_before').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('contribution_terms_effective_uq').on(t.effectiveFrom),
    check(
      'contribution_terms_ranges_ck',
      sql`${t.paymentDelayDays} between 0 and 365 and ${t.declarationDelayDays} between 0 and 365 and ${t.penaltyBasisPointsPerMonth} between 0 and 10000 and ${t.reminderDaysBefore} between 0 and 60`,
    ),
  ],
);

/**
 * Payments of contributions, each settling one declared month (`period`, first day of the month).
 * `announced`: the company confirmed it online (not counted as received until the caisse records it);
 * `received`: the caisse recorded the settlement; `rejected`: the bank rejected it (a rejected SEPA
 * debit suspends automatic debit, see sepa_debit_suspensions).
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
    /** The form's one-time key of an online confirmation: a double click or a retried request announces once. */
    idempotencyKey: text('idempotency_key'),
    receivedOn: date('received_on', { mode: 'string' }),
    rejectedOn: date('rejected_on', { mode: 'string' }),
    rejectionReason: text('rejection_reason'),
    ...timestamps,
  },
  (t) => [
    index('payments_company_period_idx').on(t.companyId, t.period),
    uniqueIndex('payments_idempotency_uq').on(t.companyId, t.idempotencyKey),
    check('payments_amount_positive_ck', sql`${t.amountCents} > 0`),
  ],
);

export const sepaMandateStatus = pgEnum('sepa_mandate_status', ['active', 'replaced']);

/**
 * SEPA B2B direct-debit mandates registered in the space. `rum` is the mandate's unique reference
 * (Référence Unique de Mandat), quoted with the caisse's creditor identifier (ICS, configuration) on the
 * PDF the company signs and gives to its bank. One active mandate per company; a new one replaces it.
 */
export const sepaMandates = pgTable(
  'sepa_mandates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    rum: text('rum').notNull(),
    /** Electronic format (no spaces, upper case). */
    iban: text('iban').notNull(),
    bic: text('bic').notNull(),
    status: sepaMandateStatus('status').notNull().default('active'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('sepa_mandates_rum_uq').on(t.rum),
    uniqueIndex('sepa_mandates_active_uq').on(t.companyId).where(sql`${t.status} = 'active'`),
  ],
);

/**
 * Automatic debit switched off after a rejected debit, with the reason shown to the company, until the
 * caisse switches it back on (`lifted_at`). At most one open suspension per company; SEPA debit is on
 * when the company has an active mandate and no open suspension. Kept as rows, so the history stays.
 */
export const sepaDebitSuspensions = pgTable(
  'sepa_debit_suspensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    paymentId: uuid('payment_id').references(() => payments.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }).notNull().defaultNow(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: text('lifted_by'),
    ...timestamps,
  },
  (t) => [uniqueIndex('sepa_debit_suspensions_open_uq').on(t.companyId).where(sql`${t.liftedAt} is null`)],
);
