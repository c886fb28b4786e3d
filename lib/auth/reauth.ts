import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { hitSlidingRateLimit, peekSlidingRateLimit, releaseRateLimitHit } from '@/lib/rate-limit';
import { verifyPassword } from './password';

/** Failed password confirmations inside the space (a stolen session must not become a password oracle). */
export const reauthThrottle = { limit: 10, windowSeconds: 15 * 60 } as const;

export type ReauthResult =
  | { ok: true; email: string; firstName: string; lastName: string; isCaisseStaff: boolean }
  | { ok: false; code: 'wrong_password' | 'throttled'; retryAfterSeconds?: number };

/**
 * Asks the signed-in user for their current password again before a sensitive change (password, email,
 * two-factor authentication). Failures are counted per account.
 */
export async function confirmOwnPassword(db: Db, userId: string, password: string, now = new Date()): Promise<ReauthResult> {
  const key = `reauth:user:${userId}`;
  const peek = await peekSlidingRateLimit(db, key, { ...reauthThrottle, now });
  if (!peek.allowed) return { ok: false, code: 'throttled', retryAfterSeconds: peek.retryAfterSeconds };
  const hit = await hitSlidingRateLimit(db, key, { ...reauthThrottle, now });
  if (!hit.allowed) {
    await releaseRateLimitHit(db, key, hit.bucketStart);
    return { ok: false, code: 'throttled', retryAfterSeconds: hit.retryAfterSeconds };
  }
  const [user] = await db
    .select({ passwordHash: users.passwordHash, email: users.email, firstName: users.firstName, lastName: users.lastName, isCaisseStaff: users.isCaisseStaff })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) return { ok: false, code: 'wrong_password' };
  await releaseRateLimitHit(db, key, hit.bucketStart);
  return { ok: true, email: user.email, firstName: user.firstName, lastName: user.lastName, isCaisseStaff: user.isCaisseStaff };
}
