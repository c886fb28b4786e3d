import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { organisations } from './organisations';

/**
 * The two letters: a provisional identifier (letter 1) and a confidential code (letter 2), stored only
 * as hashes. Issuing new letters supersedes the earlier ones; activation consumes them.
 */
export const provisionalCredentials = pgTable(
  'provisional_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Keyed hash (HMAC-SHA-256 with a server secret) of the normalised identifier: used for lookup. */
    identifierHash: text('identifier_hash').notNull(),
    /** argon2id hash of the normalised confidential code. */
    codeHash: text('code_hash').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('provisional_credentials_identifier_uq').on(t.identifierHash),
    index('provisional_credentials_org_idx').on(t.organisationId),
  ],
);
