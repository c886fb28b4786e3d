import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organisations, provisionalCredentials } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { getEnv } from '@/lib/env';
import { addDaysToDay, todayInFrance } from '@/lib/format';

// The two letters' credentials: issued by the caisse CLI, verified by the first-connection wizard.
// Not marked 'server-only' on purpose: db/seed.ts (reached from instrumentation) and the CLI import it.
// See docs/decisions/0001-letters-credentials.md for the choices (HMAC for the identifier, argon2id for the code).

/** 31 symbols: digits and capitals without 0/O, 1/I/L, which people misread on paper. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 10 symbols of 31: log2(31) × 10 ≈ 49.5 bits (8 would give 39.6, under the 40-bit floor). */
export const CODE_LENGTH = 10;
export const CODE_GROUP_SIZE = 5;
export const CODE_ENTROPY_BITS = CODE_LENGTH * Math.log2(CODE_ALPHABET.length);

export const IDENTIFIER_PREFIX = 'GE';
/** Random digits after « GE-2026- »: 10^8 per year keeps collisions rare (they are retried anyway). */
export const IDENTIFIER_DIGITS = 8;

/** « GE-2026-41730592 »: prefix, year of issue, random digits. A lookup key printed on letter 1. */
export function generateProvisionalIdentifier(options: { prefix?: string; now?: Date } = {}): string {
  const prefix = options.prefix ?? IDENTIFIER_PREFIX;
  const year = todayInFrance(options.now ?? new Date()).slice(0, 4);
  const digits = String(crypto.randomInt(0, 10 ** IDENTIFIER_DIGITS)).padStart(IDENTIFIER_DIGITS, '0');
  return `${prefix}-${year}-${digits}`;
}

/** « K7Q4M-2XPRT »: the secret of letter 2, uniformly drawn with crypto.randomInt (no modulo bias). */
export function generateConfidentialCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    if (i > 0 && i % CODE_GROUP_SIZE === 0) code += '-';
    code += CODE_ALPHABET[crypto.randomInt(0, CODE_ALPHABET.length)];
  }
  return code;
}

// Spaces (incl. the non-breaking ones a copy-paste brings), hyphens and dashes of every kind, dots, underscores.
const separators = /[\s\u00a0\u202f\u2010-\u2015\u2212._-]/g;

/** What a user typed, in the form that is hashed: upper-case, without spaces or dashes. */
export function normalizeIdentifier(input: string): string {
  return input.normalize('NFKC').replace(separators, '').toUpperCase();
}

/** What a user typed, in the form that is hashed: upper-case, without spaces or dashes. */
export function normalizeCode(input: string): string {
  return input.normalize('NFKC').replace(separators, '').toUpperCase();
}

/** Keyed hash used to look a credential up: deterministic, so it can be indexed; useless without the secret. */
export function hashIdentifier(identifier: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(normalizeIdentifier(identifier), 'utf8').digest('hex');
}

/** argon2id (the password parameters): a stolen table does not give the codes back by brute force. */
export function hashCode(code: string): Promise<string> {
  return hashPassword(normalizeCode(code));
}

export function verifyCode(codeHash: string, code: string): Promise<boolean> {
  return verifyPassword(codeHash, normalizeCode(code));
}

/** Offset of Paris from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function parisOffsetMs(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in France. */
function startOfDayInFrance(day: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  return new Date(guess.getTime() - parisOffsetMs(guess));
}

export type LettersErrorReason = 'not_found' | 'activated';

export class LettersError extends Error {
  constructor(
    public readonly reason: LettersErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'LettersError';
  }
}

export type IssueLettersOptions = {
  now?: Date;
  /** Days the letters stay valid after the day of issue (default LETTERS_VALIDITY_DAYS, 60). */
  validityDays?: number;
  /** HMAC key; default LETTERS_SECRET. */
  secret?: string;
  identifierPrefix?: string;
};

export type IssuedLetters = {
  credentialId: string;
  /** Plain values: for the two letters only, never stored nor logged. */
  identifier: string;
  code: string;
  issuedAt: Date;
  /** First instant the letters no longer work: midnight in France after the last valid day. */
  expiresAt: Date;
  /** Last day the letters work (YYYY-MM-DD), as printed on them. */
  lastValidDay: string;
};

/**
 * Issues a fresh identifier and code for an organisation not yet activated: earlier unconsumed letters
 * are superseded in the same transaction, so only the newest pair ever works.
 */
export async function issueLetters(db: Db, organisationId: string, options: IssueLettersOptions = {}): Promise<IssuedLetters> {
  const now = options.now ?? new Date();
  const validityDays = options.validityDays ?? getEnv().lettersValidityDays;
  if (!Number.isInteger(validityDays) || validityDays < 1) throw new RangeError(`validityDays must be a positive integer, got ${validityDays}`);
  const secret = options.secret ?? getEnv().lettersSecret;
  const lastValidDay = addDaysToDay(todayInFrance(now), validityDays);
  const expiresAt = startOfDayInFrance(addDaysToDay(lastValidDay, 1));
  // Hashed before the transaction: argon2 takes ~10 ms and the row lock need not wait for it.
  const code = generateConfidentialCode();
  const codeHash = await hashCode(code);

  return db.transaction(async (tx) => {
    // Locks the organisation: two staff issuing at once end with one valid pair, not two.
    const [org] = await tx
      .select({ id: organisations.id, activatedAt: organisations.activatedAt })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
      .for('update');
    if (!org) throw new LettersError('not_found', 'Organisation introuvable.');
    if (org.activatedAt) throw new LettersError('activated', 'Cet espace sécurisé est déjà créé : pas de nouveaux courriers.');

    await tx
      .update(provisionalCredentials)
      .set({ supersededAt: now })
      .where(
        and(
          eq(provisionalCredentials.organisationId, organisationId),
          isNull(provisionalCredentials.consumedAt),
          isNull(provisionalCredentials.supersededAt),
        ),
      );

    for (let attempt = 0; attempt < 5; attempt++) {
      const identifier = generateProvisionalIdentifier({ prefix: options.identifierPrefix, now });
      const [row] = await tx
        .insert(provisionalCredentials)
        .values({ organisationId, identifierHash: hashIdentifier(identifier, secret), codeHash, issuedAt: now, expiresAt })
        .onConflictDoNothing({ target: provisionalCredentials.identifierHash })
        .returning({ id: provisionalCredentials.id });
      if (row) return { credentialId: row.id, identifier, code, issuedAt: now, expiresAt, lastValidDay };
    }
    throw new Error('Could not draw a unique provisional identifier in 5 attempts');
  });
}
