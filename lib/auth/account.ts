import 'server-only';
import { createElement } from 'react';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { authTokens, users } from '@/db/schema';
import EmailChangeConfirmEmail, { emailChangeConfirmSubject } from '@/emails/email-change-confirm';
import EmailChangeNoticeEmail, { emailChangeNoticeSubject } from '@/emails/email-change-notice';
import PasswordChangedEmail, { passwordChangedSubject } from '@/emails/password-changed';
import { recordAudit } from '@/lib/audit';
import { getEnv } from '@/lib/env';
import { formatDateTime } from '@/lib/format';
import { enqueueMail, getMailCaisse } from '@/lib/mail/outbox';
import { hitSlidingRateLimit } from '@/lib/rate-limit';
import { hashPassword } from './password';
import { checkPasswordPolicy } from './password-policy';
import { confirmOwnPassword } from './reauth';
import { revokeUserSessions } from './sessions';
import { normalizeEmail } from './sign-in';
import { consumeAuthToken, createAuthToken, inspectAuthToken } from './tokens';

type RequestMeta = { ip?: string | null; userAgent?: string | null; now?: Date };

export type ThrottledFailure = { ok: false; code: 'throttled'; retryAfterSeconds?: number };

// --- password change ------------------------------------------------------------------------------

export type ChangePasswordResult =
  | { ok: true; revokedSessions: number }
  | ThrottledFailure
  | { ok: false; code: 'wrong_password' }
  | { ok: false; code: 'weak'; message: string };

/**
 * « Mot de passe »: the current password is asked again; on success every other session of the account
 * is closed at once (this one stays open) and the owner is told by email.
 */
export async function changePassword(
  db: Db,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string } & RequestMeta,
): Promise<ChangePasswordResult> {
  const now = input.now ?? new Date();
  const audit = { actorUserId: input.userId, ip: input.ip, userAgent: input.userAgent };
  const check = await confirmOwnPassword(db, input.userId, input.currentPassword, now);
  if (!check.ok) {
    await recordAudit(db, { action: 'password_change', outcome: check.code === 'throttled' ? 'throttled' : 'failure', ...audit });
    return check.code === 'throttled' ? { ok: false, code: 'throttled', retryAfterSeconds: check.retryAfterSeconds } : { ok: false, code: 'wrong_password' };
  }
  const policy = checkPasswordPolicy(input.newPassword, [check.email, check.firstName, check.lastName]);
  if (!policy.ok) return { ok: false, code: 'weak', message: policy.message ?? 'Mot de passe refusé.' };
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId));
    const revokedSessions = await revokeUserSessions(tx, input.userId, 'password_change', input.sessionId);
    const caisse = await getMailCaisse(tx);
    await enqueueMail(tx, {
      template: 'password-changed',
      to: check.email,
      subject: passwordChangedSubject,
      element: createElement(PasswordChangedEmail, { caisse, appUrl: getEnv().appUrl, firstName: check.firstName, when: formatDateTime(now), how: 'change' }),
    });
    await recordAudit(tx, { action: 'password_change', outcome: 'success', ...audit, details: { revokedSessions } });
    return { ok: true as const, revokedSessions };
  });
}

// --- email change ---------------------------------------------------------------------------------

export const EMAIL_CHANGE_TTL_SECONDS = 24 * 3600;
/** Confirmation emails a user can have sent per hour (the form must not become a way to mail strangers). */
export const emailChangeThrottle = { limit: 5, windowSeconds: 3600 } as const;

export type RequestEmailChangeResult = { ok: true } | ThrottledFailure | { ok: false; code: 'wrong_password' | 'same_email' };

/**
 * « Adresse électronique »: asks for the password, then sends a confirmation link to the new address and
 * a notice to the current one. The answer is the same whether or not another account already uses the
 * new address (then no link is sent, and the notice still is): the form must not reveal who has an account.
 */
export async function requestEmailChange(db: Db, input: { userId: string; password: string; newEmail: string } & RequestMeta): Promise<RequestEmailChangeResult> {
  const now = input.now ?? new Date();
  const newEmail = normalizeEmail(input.newEmail);
  const audit = { actorUserId: input.userId, ip: input.ip, userAgent: input.userAgent };
  const check = await confirmOwnPassword(db, input.userId, input.password, now);
  if (!check.ok) {
    await recordAudit(db, { action: 'email_change_request', outcome: check.code === 'throttled' ? 'throttled' : 'failure', ...audit });
    return check.code === 'throttled' ? { ok: false, code: 'throttled', retryAfterSeconds: check.retryAfterSeconds } : { ok: false, code: 'wrong_password' };
  }
  if (newEmail === check.email) return { ok: false, code: 'same_email' };
  const sent = await hitSlidingRateLimit(db, `email-change:user:${input.userId}`, { ...emailChangeThrottle, now });
  if (!sent.allowed) return { ok: false, code: 'throttled', retryAfterSeconds: sent.retryAfterSeconds };

  const [taken] = await db.select({ id: users.id }).from(users).where(and(eq(users.email, newEmail), ne(users.id, input.userId)));
  await db.transaction(async (tx) => {
    await tx
      .update(authTokens)
      .set({ consumedAt: now })
      .where(and(eq(authTokens.userId, input.userId), eq(authTokens.kind, 'email_change'), isNull(authTokens.consumedAt)));
    const caisse = await getMailCaisse(tx);
    const appUrl = getEnv().appUrl;
    if (!taken) {
      const token = await createAuthToken(tx, { kind: 'email_change', userId: input.userId, payload: { newEmail }, ttlSeconds: EMAIL_CHANGE_TTL_SECONDS, now });
      await enqueueMail(tx, {
        template: 'email-change-confirm',
        to: newEmail,
        subject: emailChangeConfirmSubject,
        element: createElement(EmailChangeConfirmEmail, { caisse, firstName: check.firstName, confirmUrl: `${appUrl}/changement-adresse?jeton=${encodeURIComponent(token)}` }),
      });
    }
    await enqueueMail(tx, {
      template: 'email-change-notice',
      to: check.email,
      subject: emailChangeNoticeSubject.requested,
      element: createElement(EmailChangeNoticeEmail, { caisse, appUrl, firstName: check.firstName, newEmail, when: formatDateTime(now), stage: 'requested' }),
    });
    await recordAudit(tx, { action: 'email_change_request', outcome: 'success', ...audit, details: { newEmail: newEmail.slice(0, 200) } });
  });
  return { ok: true };
}

export type EmailChangeTokenState = { status: 'valid'; newEmail: string } | { status: 'expired' | 'used' | 'unknown' };

export async function inspectEmailChangeToken(db: Db, token: string, now = new Date()): Promise<EmailChangeTokenState> {
  const found = await inspectAuthToken(db, 'email_change', token, now);
  if (found.status !== 'valid') return { status: found.status };
  const newEmail = found.token.payload.newEmail;
  return typeof newEmail === 'string' ? { status: 'valid', newEmail } : { status: 'unknown' };
}

export type ConfirmEmailChangeResult = { ok: true; newEmail: string } | { ok: false; reason: 'expired' | 'used' | 'unknown' | 'unavailable' };

/** Opening the link (and pressing the button) makes the new address the login; the old one is told. */
export async function confirmEmailChange(db: Db, input: { token: string } & RequestMeta): Promise<ConfirmEmailChangeResult> {
  const now = input.now ?? new Date();
  try {
    return await db.transaction(async (tx): Promise<ConfirmEmailChangeResult> => {
      const consumed = await consumeAuthToken(tx, 'email_change', input.token, now);
      if (consumed.status !== 'valid') return { ok: false, reason: consumed.status };
      const userId = consumed.token.userId;
      const newEmail = consumed.token.payload.newEmail;
      if (!userId || typeof newEmail !== 'string') return { ok: false, reason: 'unknown' };
      const [user] = await tx.select({ email: users.email, firstName: users.firstName, status: users.status }).from(users).where(eq(users.id, userId));
      if (!user || user.status !== 'active') return { ok: false, reason: 'unknown' };
      const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, newEmail), ne(users.id, userId)));
      if (taken) return { ok: false, reason: 'unavailable' };
      await tx.update(users).set({ email: newEmail, emailVerifiedAt: now }).where(eq(users.id, userId));
      const caisse = await getMailCaisse(tx);
      await enqueueMail(tx, {
        template: 'email-change-notice',
        to: user.email,
        subject: emailChangeNoticeSubject.confirmed,
        element: createElement(EmailChangeNoticeEmail, { caisse, appUrl: getEnv().appUrl, firstName: user.firstName, newEmail, when: formatDateTime(now), stage: 'confirmed' }),
      });
      await recordAudit(tx, { action: 'email_change', outcome: 'success', actorUserId: userId, ip: input.ip, userAgent: input.userAgent, details: { oldEmail: user.email, newEmail } });
      return { ok: true, newEmail };
    });
  } catch (err) {
    // Another account took the address between the check and the update (unique index).
    if (isUniqueViolation(err)) return { ok: false, reason: 'unavailable' };
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

// --- sessions and account status ------------------------------------------------------------------

/** « Déconnecter mes autres sessions ». */
export async function revokeOtherSessions(db: Db, input: { userId: string; sessionId: string } & RequestMeta): Promise<number> {
  const revoked = await revokeUserSessions(db, input.userId, 'revoked_by_user', input.sessionId);
  await recordAudit(db, { action: 'sessions_revoke_others', outcome: 'success', actorUserId: input.userId, ip: input.ip, userAgent: input.userAgent, details: { revoked } });
  return revoked;
}

/**
 * Disables an account (caisse back-office, company administrator): it can no longer sign in, and its open
 * sessions stop at once — validateSession refuses a disabled user even before this revocation runs.
 */
export async function disableUser(db: Db, input: { userId: string; actorUserId?: string | null; reason: string } & RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ status: 'disabled' }).where(eq(users.id, input.userId));
    await revokeUserSessions(tx, input.userId, 'user_disabled');
    await recordAudit(tx, {
      action: 'user_disable',
      outcome: 'success',
      actorUserId: input.actorUserId ?? null,
      ip: input.ip,
      userAgent: input.userAgent,
      details: { userId: input.userId, reason: input.reason },
    });
  });
}
