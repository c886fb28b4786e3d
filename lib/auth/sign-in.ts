import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { hitSlidingRateLimit, peekSlidingRateLimit, releaseRateLimitHit, resetRateLimit } from '@/lib/rate-limit';
import { hashPassword, verifyPassword } from './password';
import { createSession, type SessionPolicy } from './sessions';
import { sha256 } from './tokens';
import { hasTotpEnabled } from './two-factor';

// Verified against when the email is unknown, so both answers take the same time.
let dummyHash: Promise<string> | undefined;

export type PasswordCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid'; userId?: string };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email + password pair. The answer and its timing do not reveal whether the email exists.
 * On failure, `userId` names the account when there is one, for its owner's « Historique de connexion »
 * only: never show it to the caller.
 */
export async function checkPassword(db: Db, email: string, password: string): Promise<PasswordCheck> {
  const normalized = normalizeEmail(email);
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.email, normalized));
  if (!user || !user.passwordHash) {
    dummyHash ??= hashPassword('timing-equaliser-not-a-password');
    await verifyPassword(await dummyHash, password);
    return { ok: false, reason: 'invalid', userId: user?.id };
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || user.status !== 'active') return { ok: false, reason: 'invalid', userId: user.id };
  return { ok: true, userId: user.id };
}

/**
 * Sign-in throttling. Failures are counted per submitted email string (whether or not an account has
 * it, so the throttle itself reveals nothing) and per client IP, over a sliding 15-minute window.
 * Past the limit, attempts are refused without checking the password until old failures leave the
 * window: a delay an attacker can cause but never a permanent lock, and the owner can always reset
 * the password by email (which clears the account's counter).
 */
export const signInThrottle = {
  account: { limit: 10, windowSeconds: 15 * 60 },
  // An office behind one address has several users; password spraying from one address stops here.
  ip: { limit: 30, windowSeconds: 15 * 60 },
} as const;

export function accountThrottleKey(email: string): string {
  // Hashed: the table of counters does not become a list of the emails people typed.
  return `signin:account:${sha256(normalizeEmail(email))}`;
}

export function ipThrottleKey(ip: string): string {
  return `signin:ip:${ip}`;
}

/** Clears an account's failure counter (after a password reset proved control of the mailbox). */
export async function clearAccountThrottle(db: Db, email: string): Promise<void> {
  await resetRateLimit(db, accountThrottleKey(email));
}

export type SignInFailureCode = 'invalid' | 'throttled_account' | 'throttled_ip';

export type SignInResult =
  | { ok: true; userId: string; sessionId: string; isMfaRequired: boolean }
  | { ok: false; code: SignInFailureCode; retryAfterSeconds?: number };

export type SignInInput = { email: string; password: string; ip: string; userAgent: string; now?: Date };

/**
 * Email + password sign-in as Auth.js's authorize() runs it: throttle, check, open a new session
 * (a new id at every sign-in), audit. A user with two-factor authentication gets a session that is
 * not usable until the second step (see sessionGate).
 */
export async function signInWithPassword(db: Db, input: SignInInput, policy: SessionPolicy): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  const accountKey = accountThrottleKey(email);
  const ipKey = ipThrottleKey(input.ip);
  const audit = { ip: input.ip, userAgent: input.userAgent };
  const auditEmail = email.slice(0, 200);

  // Refused before any password work, so a throttled account costs nothing to defend.
  const [accountPeek, ipPeek] = await Promise.all([
    peekSlidingRateLimit(db, accountKey, { ...signInThrottle.account, now }),
    peekSlidingRateLimit(db, ipKey, { ...signInThrottle.ip, now }),
  ]);
  const blocked = !accountPeek.allowed ? ('throttled_account' as const) : !ipPeek.allowed ? ('throttled_ip' as const) : null;
  if (blocked) {
    const actorUserId = await findUserIdByEmail(db, email);
    await recordAudit(db, { action: 'sign_in', outcome: 'throttled', actorUserId, ...audit, details: { email: auditEmail, reason: blocked } });
    const retryAfterSeconds = blocked === 'throttled_account' ? accountPeek.retryAfterSeconds : ipPeek.retryAfterSeconds;
    return { ok: false, code: blocked, retryAfterSeconds };
  }

  // Counted as failures before checking, so concurrent guesses see each other; taken back on success.
  const [accountHit, ipHit] = await Promise.all([
    hitSlidingRateLimit(db, accountKey, { ...signInThrottle.account, now }),
    hitSlidingRateLimit(db, ipKey, { ...signInThrottle.ip, now }),
  ]);
  if (!accountHit.allowed || !ipHit.allowed) {
    // Lost a race against other attempts: this one is not checked and does not count.
    await Promise.all([releaseRateLimitHit(db, accountKey, accountHit.bucketStart), releaseRateLimitHit(db, ipKey, ipHit.bucketStart)]);
    const code = !accountHit.allowed ? ('throttled_account' as const) : ('throttled_ip' as const);
    await recordAudit(db, { action: 'sign_in', outcome: 'throttled', ...audit, details: { email: auditEmail, reason: code } });
    return { ok: false, code, retryAfterSeconds: !accountHit.allowed ? accountHit.retryAfterSeconds : ipHit.retryAfterSeconds };
  }

  const result = await checkPassword(db, email, input.password);
  if (!result.ok) {
    await recordAudit(db, { action: 'sign_in', outcome: 'failure', actorUserId: result.userId ?? null, ...audit, details: { email: auditEmail } });
    return { ok: false, code: 'invalid' };
  }

  await Promise.all([resetRateLimit(db, accountKey), releaseRateLimitHit(db, ipKey, ipHit.bucketStart)]);
  const isMfaRequired = await hasTotpEnabled(db, result.userId);
  const sessionId = await createSession(db, { userId: result.userId, ip: input.ip, userAgent: input.userAgent, isMfaVerified: false, now }, policy);
  await recordAudit(db, {
    action: 'sign_in',
    outcome: 'success',
    actorUserId: result.userId,
    ...audit,
    details: { method: 'password', ...(isMfaRequired ? { secondFactor: 'pending' } : {}) },
  });
  return { ok: true, userId: result.userId, sessionId, isMfaRequired };
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email)));
  return row?.id ?? null;
}
