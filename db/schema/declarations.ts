import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgEnum, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { organisations, users } from './organisations';
import { workerCategory, workers } from './workers';

/**
 * Contribution rates, effective-dated: the rate in force for a declared month is the row with the
 * latest `effective_from` ≤ the month's first day, for the worker's category (a row without category
 * applies to every category that has no row of its own). Rates are data, never code.
 */
export const contributionRates = pgTable(
  'contribution_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null: applies to all categories. */
    category: workerCategory('category'),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** Basis points of gross wages: 2030 = 20,30 %. */
    rateBasisPoints: integer('rate_basis_points').notNull(),
    label: text('label').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('contribution_rates_effective_uq').on(t.effectiveFrom, t.category), check('contribution_rates_bp_ck', sql`${t.rateBasisPoints} between 0 and 10000`)],
);

export const declarationKind = pgEnum('declaration_kind', ['initial', 'corrective']);
export const declarationStatus = pgEnum('declaration_status', ['draft', 'sent']);

/** Feeds declaration numbers (DEC-2026-000042). */
export const declarationNumberSeq = pgSequence('declaration_number_seq', { startWith: 1 });

/**
 * Monthly declarations. `period` is the first day of the declared month. One sent initial declaration
 * per company and month (unique partial index), one draft per company, month and kind; a corrective
 * declaration refers to the declaration it corrects and carries the full corrected lines (its totals
 * replace the corrected one's). Sent declarations are immutable.
 */
export const declarations = pgTable(
  'declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    period: date('period', { mode: 'string' }).notNull(),
    kind: declarationKind('kind').notNull().default('initial'),
    status: declarationStatus('status').notNull().default('draft'),
    correctsId: uuid('corrects_id'),
    /** Set when sent. */
    number: text('number'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentByUserId: uuid('sent_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The client's idempotency key of the send request: a retried send finds the same declaration. */
    idempotencyKey: text('idempotency_key'),
    /**
     * A draft's fields as typed (« 2 450,00 », even half-typed or wrong), per worker id: leaving the page
     * loses nothing. Lines are written to declaration_lines when the declaration is sent. Null once sent.
     */
    draftInput: jsonb('draft_input').$type<Record<string, { hours: string; wages: string }>>(),
    totalHoursHundredths: integer('total_hours_hundredths').notNull().default(0),
    totalWagesCents: bigint('total_wages_cents', { mode: 'number' }).notNull().default(0),
    totalContributionCents: bigint('total_contribution_cents', { mode: 'number' }).notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('declarations_initial_sent_uq').on(t.companyId, t.period).where(sql`${t.kind} = 'initial' and ${t.status} = 'sent'`),
    uniqueIndex('declarations_draft_uq').on(t.companyId, t.period, t.kind).where(sql`${t.status} = 'draft'`),
    uniqueIndex('declarations_number_uq').on(t.number),
    // A sent declaration is corrected at most once: the corrections of a month form a chain, never a fork.
    uniqueIndex('declarations_corrects_sent_uq').on(t.correctsId).where(sql`${t.status} = 'sent'`),
    uniqueIndex('declarations_idempotency_uq').on(t.companyId, t.idempotencyKey),
    index('declarations_company_period_idx').on(t.companyId, t.period),
    check('declarations_period_first_day_ck', sql`extract(day from ${t.period}) = 1`),
  ],
);

/** One line per worker of a declaration: hours worked and gross wages, and the contribution computed at the rate in force. */
export const declarationLines = pgTable(
  'declaration_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => declarations.id, { onDelete: 'cascade' }),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'restrict' }),
    /** Hours × 100 (151,67 h = 15167). */
    hoursHundredths: integer('hours_hundredths').notNull(),
    grossWagesCents: bigint('gross_wages_cents', { mode: 'number' }).notNull(),
    rateBasisPoints: integer('rate_basis_points').notNull(),
    contributionCents: bigint('contribution_cents', { mode: 'number' }).notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('declaration_lines_worker_uq').on(t.declarationId, t.workerId),
    index('declaration_lines_worker_idx').on(t.workerId),
    check('declaration_lines_nonneg_ck', sql`${t.hoursHundredths} >= 0 and ${t.grossWagesCents} >= 0`),
  ],
);
