import { date, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { timestamps } from './columns';
import { organisations, users } from './organisations';

/** Per-area grant: consultation (read) or saisie (write). Absent area = none. */
export type AreaGrants = Partial<Record<'declarations' | 'payments' | 'leave' | 'attestations' | 'documents' | 'account', 'read' | 'write'>>;

export const delegationStatus = pgEnum('delegation_status', ['pending_firm', 'pending_company', 'active', 'declined', 'revoked']);

/**
 * « Déléguez à mon cabinet comptable »: a company lets an accounting firm act in some areas, until an
 * optional end date. Offered by the company (pending_firm) or asked by the firm (pending_company);
 * active once the other side accepts; revoked at any time.
 */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    areas: jsonb('areas').$type<AreaGrants>().notNull(),
    status: delegationStatus('status').notNull(),
    /** Inclusive last day; null = until revoked. */
    endsOn: date('ends_on', { mode: 'string' }),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    respondedByUserId: uuid('responded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByUserId: uuid('revoked_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    ...timestamps,
  },
  (t) => [
    // At most one live delegation (pending or active) between a company and a firm.
    uniqueIndex('delegations_live_uq')
      .on(t.companyId, t.firmId)
      .where(sql`${t.status} in ('pending_firm', 'pending_company', 'active')`),
    index('delegations_firm_idx').on(t.firmId, t.status),
    index('delegations_company_idx').on(t.companyId, t.status),
  ],
);
