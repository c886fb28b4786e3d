import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { provisionalCredentials } from './onboarding';
import { organisationKind, organisations } from './organisations';

/**
 * State of one run of the first-connection wizard, kept server-side: the browser only holds a random
 * cookie whose SHA-256 is `token_hash`. Never holds the letters' secrets; the chosen password is kept
 * only as its argon2id hash until activation (then cleared), because the account is created by the
 * confirmation link, possibly a day later and from another device.
 */
export const onboardingSessions = pgTable(
  'onboarding_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    /** Highest step the visitor may open (1–4): later steps redirect here. */
    stepReached: integer('step_reached').notNull().default(1),
    /** Step 1 answers. */
    organisationKind: organisationKind('organisation_kind'),
    hasLetters: boolean('has_letters'),
    /** Step 2: the SIRET as checked (not a secret; shown again when going back). */
    siret: text('siret'),
    /** Set once the three values of the letters matched. */
    credentialId: uuid('credential_id').references(() => provisionalCredentials.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** Step 3: the future login, lower-cased, and the pending password's hash. */
    email: text('email'),
    passwordHash: text('password_hash'),
    confirmationSentAt: timestamp('confirmation_sent_at', { withTimezone: true }),
    /** The link outlives the 2-hour wizard cookie: the row is kept until then. */
    confirmationExpiresAt: timestamp('confirmation_expires_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Sliding end of the wizard itself (cookie life). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('onboarding_sessions_token_uq').on(t.tokenHash), index('onboarding_sessions_expires_idx').on(t.expiresAt)],
);
