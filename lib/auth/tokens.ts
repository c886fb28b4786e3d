import crypto from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { authTokens } from '@/db/schema';

export type AuthTokenKind = (typeof authTokens.$inferInsert)['kind'];

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

/** A new single-use token (256 random bits); only its SHA-256 is stored. Returns the plain token once. */
export async function createAuthToken(
  db: Db,
  input: { kind: AuthTokenKind; userId?: string | null; organisationId?: string | null; payload?: Record<string, unknown>; ttlSeconds: number; now?: Date },
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = input.now ?? new Date();
  await db.insert(authTokens).values({
    kind: input.kind,
    tokenHash: sha256(token),
    userId: input.userId ?? null,
    organisationId: input.organisationId ?? null,
    payload: input.payload ?? {},
    expiresAt: new Date(now.getTime() + input.ttlSeconds * 1000),
  });
  return token;
}

export type TokenLookup =
  | { status: 'valid'; token: typeof authTokens.$inferSelect }
  | { status: 'expired' | 'used' | 'unknown' };

/** Looks a token up without consuming it (to show the right page). */
export async function inspectAuthToken(db: Db, kind: AuthTokenKind, token: string, now = new Date()): Promise<TokenLookup> {
  if (!token || token.length > 200) return { status: 'unknown' };
  const [row] = await db.select().from(authTokens).where(and(eq(authTokens.tokenHash, sha256(token)), eq(authTokens.kind, kind)));
  if (!row) return { status: 'unknown' };
  if (row.consumedAt) return { status: 'used' };
  if (row.expiresAt <= now) return { status: 'expired' };
  return { status: 'valid', token: row };
}

/**
 * Consumes a token atomically: of two concurrent uses, exactly one gets the row.
 * Call inside the transaction that does what the token allows.
 */
export async function consumeAuthToken(db: Db, kind: AuthTokenKind, token: string, now = new Date()): Promise<TokenLookup> {
  if (!token || token.length > 200) return { status: 'unknown' };
  const [row] = await db
    .update(authTokens)
    .set({ consumedAt: now })
    .where(and(eq(authTokens.tokenHash, sha256(token)), eq(authTokens.kind, kind), isNull(authTokens.consumedAt), gt(authTokens.expiresAt, now)))
    .returning();
  if (row) return { status: 'valid', token: row };
  return inspectAuthToken(db, kind, token, now);
}
