import 'server-only';
import { createElement } from 'react';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { authTokens, users } from '@/db/schema';
import PasswordChangedEmail, { passwordChangedSubject } from '@/emails/password-changed';
import PasswordResetEmail, { passwordResetSubject } from '@/emails/password-reset';
import { recordAudit } from '@/lib/audit';
import { getEnv } from '@/lib/env';
import { formatDateTime } from '@/lib/format';
import { enqueueMail, getMailCaisse } from '@/lib/mail/outbox';
import { hitSlidingRateLimit } from '@/lib/rate-limit';
import { hashPassword } from './password';
import { checkPasswordPolicy } from './password-policy';
import { revokeUserSessions } from './sessions';
import { clearAccountThrottle, normalizeEmail } from './sign-in';
import { consumeAuthToken, createAuthToken, inspectAuthToken, sha256 } from './tokens';

export const PASSWORD_RESET_TTL_SECONDS = 3600;

/** Reset requests: per submitted email (existing or not) and per IP, over an hour. */
export const passwordResetThrottle = {
  email: { limit: 3, windowSeconds: 3600 },
  ip: { limit: 20, windowSeconds: 3600 },
} as const;

type RequestMeta = { ip: string; userAgent: string; now?: Date };

export type PasswordResetRequest =
  | {
      status: 'accepted';
      /**
       * Creates the link and queues the email when the address belongs to an active account; does nothing
       * visible otherwise. Run it after the response (next/server `after`), so that neither the answer nor
       * its timing says whether the account exists.
       */
      deliver: () => Promise<void>;
    }
  | { status: 'throttled'; retryAfterSeconds: number };

export async function requestPasswordReset(db: Db, input: { email: string } & RequestMeta): Promise<PasswordResetRequest> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  const [byEmail, byIp] = await Promise.all([
    hitSlidingRateLimit(db, `reset:email:${sha256(email)}`, { ...passwordResetThrottle.email, now }),
    hitSlidingRateLimit(db, `reset:ip:${input.ip}`, { ...passwordResetThrottle.ip, now }),
  ]);
  if (!byEmail.allowed || !byIp.allowed) {
    await recordAudit(db, { action: 'password_reset_request', outcome: 'throttled', ip: input.ip, userAgent: input.userAgent, details: { email: email.slice(0, 200) } });
    return { status: 'throttled', retryAfterSeconds: Math.max(byEmail.retryAfterSeconds, byIp.retryAfterSeconds) };
  }
  return { status: 'accepted', deliver: () => deliverPasswordReset(db, email, { ...input, now }) };
}

async function deliverPasswordReset(db: Db, email: string, meta: RequestMeta): Promise<void> {
  const audit = { ip: meta.ip, userAgent: meta.userAgent };
  const [user] = await db
    .select({ id: users.id, firstName: users.firstName, status: users.status })
    .from(users)
    .where(eq(users.email, email));
  if (!user || user.status !== 'active') {
    await recordAudit(db, { action: 'password_reset_request', outcome: 'failure', ...audit, details: { email: email.slice(0, 200), reason: 'no_active_account' } });
    return;
  }
  await db.transaction(async (tx) => {
    // Only the latest link works: an older email lying in a mailbox is worthless.
    await tx
      .update(authTokens)
      .set({ consumedAt: meta.now ?? new Date() })
      .where(and(eq(authTokens.userId, user.id), eq(authTokens.kind, 'password_reset'), isNull(authTokens.consumedAt)));
    const token = await createAuthToken(tx, { kind: 'password_reset', userId: user.id, ttlSeconds: PASSWORD_RESET_TTL_SECONDS, now: meta.now });
    const caisse = await getMailCaisse(tx);
    const resetUrl = `${getEnv().appUrl}/mot-de-passe-oublie/nouveau?jeton=${encodeURIComponent(token)}`;
    await enqueueMail(tx, {
      template: 'password-reset',
      to: email,
      subject: passwordResetSubject,
      element: createElement(PasswordResetEmail, { caisse, resetUrl, firstName: user.firstName }),
    });
    await recordAudit(tx, { action: 'password_reset_request', outcome: 'success', actorUserId: user.id, ...audit });
  });
}

export type ResetTokenState = { status: 'valid'; email: string } | { status: 'expired' | 'used' | 'unknown' };

/** What the reset page shows for a link: the form, or why the link no longer works. */
export async function inspectPasswordResetToken(db: Db, token: string, now = new Date()): Promise<ResetTokenState> {
  const found = await inspectAuthToken(db, 'password_reset', token, now);
  if (found.status !== 'valid' || !found.token.userId) return { status: found.status === 'valid' ? 'unknown' : found.status };
  const [user] = await db.select({ email: users.email, status: users.status }).from(users).where(eq(users.id, found.token.userId));
  if (!user || user.status !== 'active') return { status: 'unknown' };
  return { status: 'valid', email: user.email };
}

export type ResetPasswordResult =
  | { ok: true; email: string }
  | { ok: false; reason: 'expired' | 'used' | 'unknown' }
  | { ok: false; reason: 'weak'; message: string };

/**
 * Sets the new password from a reset link: the link is spent, every session of the account is closed,
 * its sign-in failure counter is cleared, and the owner is told by email.
 */
export async function resetPassword(db: Db, input: { token: string; newPassword: string } & RequestMeta): Promise<ResetPasswordResult> {
  const now = input.now ?? new Date();
  const found = await inspectAuthToken(db, 'password_reset', input.token, now);
  if (found.status !== 'valid') return { ok: false, reason: found.status };
  const userId = found.token.userId;
  if (!userId) return { ok: false, reason: 'unknown' };
  const [user] = await db
    .select({ email: users.email, firstName: users.firstName, lastName: users.lastName, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.status !== 'active') return { ok: false, reason: 'unknown' };

  // Checked before the link is spent, so a refused password does not cost the user their link.
  const policy = checkPasswordPolicy(input.newPassword, [user.email, user.firstName, user.lastName]);
  if (!policy.ok) return { ok: false, reason: 'weak', message: policy.message ?? 'Mot de passe refusé.' };
  const passwordHash = await hashPassword(input.newPassword);

  const result = await db.transaction(async (tx): Promise<ResetPasswordResult> => {
    const consumed = await consumeAuthToken(tx, 'password_reset', input.token, now);
    if (consumed.status !== 'valid') return { ok: false, reason: consumed.status };
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await revokeUserSessions(tx, userId, 'password_reset');
    const caisse = await getMailCaisse(tx);
    await enqueueMail(tx, {
      template: 'password-changed',
      to: user.email,
      subject: passwordChangedSubject,
      element: createElement(PasswordChangedEmail, { caisse, appUrl: getEnv().appUrl, firstName: user.firstName, when: formatDateTime(now), how: 'reset' }),
    });
    await recordAudit(tx, { action: 'password_reset', outcome: 'success', actorUserId: userId, ip: input.ip, userAgent: input.userAgent });
    return { ok: true, email: user.email };
  });
  if (result.ok) await clearAccountThrottle(db, user.email);
  return result;
}
