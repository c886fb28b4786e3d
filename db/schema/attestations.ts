import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, pgEnum, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { organisations, users } from './organisations';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // postgres.js returns a Buffer, PGlite a Uint8Array: callers always get a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Feeds the attestation numbers (ATT-2026-000042): one sequence for all years, never reused. */
export const attestationNumberSeq = pgSequence('attestation_number_seq', { startWith: 1 });

/**
 * Attestations de mise à jour. Immutable once issued: the company fields are a snapshot (a later change
 * of name or address does not alter an issued attestation), and the PDF bytes are stored so that every
 * download is byte-identical. Only the revocation columns change afterwards.
 */
export const attestations = pgTable(
  'attestations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    /** Normalised verification code (16 Crockford base32 symbols, no dashes). */
    code: text('code').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    companyName: text('company_name').notNull(),
    siret: text('siret').notNull(),
    addressLine: text('address_line').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    membershipNumber: text('membership_number'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** Calendar day of issue in France. */
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    /** Last day of validity, inclusive. */
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    issuedByUserId: uuid('issued_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Key id of the signing key and the compact JWS carried by the QR code. */
    kid: text('kid').notNull(),
    /**
     * The signing key's public part (`x` of its JWK): a scanned QR whose JWS is the stored one is the
     * caisse's signature as long as this very key is still published under `kid` (null: issued before
     * this column, verified with the keys on every scan).
     */
    signingKeyX: text('signing_key_x'),
    signedPayload: text('signed_payload').notNull(),
    pdf: bytea('pdf').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Internal only: never shown to verifiers. */
    revocationReason: text('revocation_reason'),
    revokedBy: text('revoked_by'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('attestations_number_uq').on(t.number),
    uniqueIndex('attestations_code_uq').on(t.code),
    index('attestations_company_idx').on(t.companyId, t.issuedAt),
  ],
);

export const verificationChannel = pgEnum('attestation_verification_channel', ['page', 'api']);

/**
 * One row per verification of a known attestation (append-only: concurrent verifications of one
 * attestation never wait on a row lock, as a counter column would make them do).
 */
export const attestationVerifications = pgTable(
  'attestation_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attestationId: uuid('attestation_id')
      .notNull()
      .references(() => attestations.id, { onDelete: 'cascade' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().default(sql`now()`),
    channel: verificationChannel('channel').notNull(),
    /** The QR's signature came with the request and verified. */
    isSignatureVerified: boolean('is_signature_verified').notNull().default(false),
  },
  (t) => [index('attestation_verifications_attestation_idx').on(t.attestationId)],
);
