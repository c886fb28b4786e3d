import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { organisations, users } from './organisations';

/**
 * Server-side sessions: the (encrypted) Auth.js JWT only carries this row's id, checked on every request,
 * so logout, « Déconnecter mes autres sessions », password change and disabling take effect at once.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute end, whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** Second factor passed (TOTP or recovery code) for this session. */
    isMfaVerified: boolean('is_mfa_verified').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const authTokenKind = pgEnum('auth_token_kind', ['email_confirmation', 'password_reset', 'email_change', 'login', 'invitation']);

/** Single-use secrets sent by email or handed over once (stored as SHA-256 of a ≥ 128-bit random token). */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: authTokenKind('kind').notNull(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('auth_tokens_hash_uq').on(t.tokenHash), index('auth_tokens_user_kind_idx').on(t.userId, t.kind)],
);

/** Fixed-window counters shared by all instances (rate limits on every guessable secret). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export const auditOutcome = pgEnum('audit_outcome', ['success', 'failure', 'denied', 'throttled', 'locked']);

/** Who did what, for whom, from where. A firm acting for a client: actor org = the firm, subject = the client. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    outcome: auditOutcome('outcome').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorOrganisationId: uuid('actor_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    subjectOrganisationId: uuid('subject_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_actor_idx').on(t.actorUserId, t.occurredAt),
    index('audit_log_subject_idx').on(t.subjectOrganisationId, t.occurredAt),
  ],
);

/** TOTP second factor: the secret (encrypted with a key derived from AUTH_SECRET) and recovery codes. */
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEncrypted: text('secret_encrypted').notNull(),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  /** Last accepted time step, so a code cannot be replayed. */
  lastUsedStep: integer('last_used_step'),
  ...timestamps,
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);
