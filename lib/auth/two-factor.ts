import 'server-only';
import { and, count, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { recoveryCodes, userTotp } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { hitSlidingRateLimit, peekSlidingRateLimit, releaseRateLimitHit } from '@/lib/rate-limit';
import { confirmOwnPassword } from './reauth';
import { markSessionMfaVerified } from './sessions';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  verifyTotpCode,
} from './totp';

type RequestMeta = { ip?: string | null; userAgent?: string | null; now?: Date };

/**
 * Second-factor guesses per account: 5 failures in 15 minutes. With three codes accepted at a time
 * (clock drift), that is ≈ 0.15 % a day for someone who already has the password.
 */
export const secondFactorThrottle = { limit: 5, windowSeconds: 15 * 60 } as const;

function secondFactorKey(userId: string): string {
  return `mfa:user:${userId}`;
}

export async function hasTotpEnabled(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: userTotp.userId })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.enabledAt)));
  return Boolean(row);
}

export type TwoFactorStatus = { isEnabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number };

export async function getTwoFactorStatus(db: Db, userId: string): Promise<TwoFactorStatus> {
  const [[totp], [codes]] = await Promise.all([
    db.select({ enabledAt: userTotp.enabledAt }).from(userTotp).where(eq(userTotp.userId, userId)),
    db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
  ]);
  return { isEnabled: Boolean(totp?.enabledAt), enabledAt: totp?.enabledAt ?? null, recoveryCodesLeft: codes?.n ?? 0 };
}

/**
 * The secret to show while enrolling (QR code and manual key). A pending secret is kept until confirmed,
 * so reloading the page does not invalidate what the user already scanned. Null when 2FA is already on.
 */
export async function startTotpEnrolment(db: Db, userId: string): Promise<string | null> {
  const [existing] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  if (existing?.enabledAt) return null;
  if (existing) return decryptTotpSecret(existing.secretEncrypted, userId);
  const secret = generateTotpSecret();
  await db.insert(userTotp).values({ userId, secretEncrypted: encryptTotpSecret(secret, userId) }).onConflictDoNothing();
  // Two tabs may race: whichever row won is the one to show.
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  return row && !row.enabledAt ? decryptTotpSecret(row.secretEncrypted, userId) : null;
}

async function storeNewRecoveryCodes(tx: Db, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

export type SecondFactorFailure = { ok: false; code: 'invalid' | 'throttled' | 'not_enrolled'; retryAfterSeconds?: number };

/** Runs `attempt` under the per-account throttle: refused when over the limit, counted when it fails. */
async function throttled<T extends { ok: boolean }>(db: Db, userId: string, now: Date, attempt: () => Promise<T>): Promise<T | SecondFactorFailure> {
  const key = secondFactorKey(userId);
  const peek = await peekSlidingRateLimit(db, key, { ...secondFactorThrottle, now });
  if (!peek.allowed) return { ok: false, code: 'throttled', retryAfterSeconds: peek.retryAfterSeconds };
  const hit = await hitSlidingRateLimit(db, key, { ...secondFactorThrottle, now });
  if (!hit.allowed) {
    await releaseRateLimitHit(db, key, hit.bucketStart);
    return { ok: false, code: 'throttled', retryAfterSeconds: hit.retryAfterSeconds };
  }
  const result = await attempt();
  if (result.ok) await releaseRateLimitHit(db, key, hit.bucketStart);
  return result;
}

/**
 * Confirms enrolment with a first code from the app: 2FA is on from now, the current session counts as
 * verified, and the ten recovery codes are returned — the only time they exist in clear.
 */
export async function confirmTotpEnrolment(
  db: Db,
  input: { userId: string; sessionId: string; code: string } & RequestMeta,
): Promise<{ ok: true; recoveryCodes: string[] } | SecondFactorFailure> {
  const now = input.now ?? new Date();
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, input.userId));
  if (!row || row.enabledAt) return { ok: false, code: 'not_enrolled' };
  const result = await throttled(db, input.userId, now, async () => {
    const check = await verifyTotpCode({ secret: decryptTotpSecret(row.secretEncrypted, input.userId), code: input.code, now });
    if (!check.valid) return { ok: false as const, code: 'invalid' as const };
    return db.transaction(async (tx) => {
      const [enabled] = await tx
        .update(userTotp)
        .set({ enabledAt: now, lastUsedStep: check.timeStep })
        .where(and(eq(userTotp.userId, input.userId), isNull(userTotp.enabledAt)))
        .returning({ userId: userTotp.userId });
      if (!enabled) return { ok: false as const, code: 'not_enrolled' as const };
      const codes = await storeNewRecoveryCodes(tx, input.userId);
      await markSessionMfaVerified(tx, input.sessionId);
      await recordAudit(tx, { action: 'totp_enable', outcome: 'success', actorUserId: input.userId, ip: input.ip, userAgent: input.userAgent });
      return { ok: true as const, recoveryCodes: codes };
    });
  });
  if (!result.ok && result.code === 'invalid') {
    await recordAudit(db, { action: 'totp_enable', outcome: 'failure', actorUserId: input.userId, ip: input.ip, userAgent: input.userAgent });
  }
  return result;
}

export type SecondFactorSuccess = { ok: true; method: 'totp' | 'recovery_code'; recoveryCodesLeft: number };

/**
 * The second step of sign-in: a TOTP code (never twice the same time step) or an unused recovery code
 * (spent at once). On success the session becomes usable.
 */
export async function verifySecondFactor(
  db: Db,
  input: { userId: string; sessionId: string; code: string } & RequestMeta,
): Promise<SecondFactorSuccess | SecondFactorFailure> {
  const now = input.now ?? new Date();
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, input.userId));
  if (!row?.enabledAt) return { ok: false, code: 'not_enrolled' };
  const meta = { actorUserId: input.userId, ip: input.ip, userAgent: input.userAgent };

  const result = await throttled(db, input.userId, now, async (): Promise<SecondFactorSuccess | SecondFactorFailure> => {
    if (looksLikeRecoveryCode(input.code)) {
      const [used] = await db
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(and(eq(recoveryCodes.userId, input.userId), eq(recoveryCodes.codeHash, hashRecoveryCode(input.code)), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      if (!used) return { ok: false, code: 'invalid' };
      await markSessionMfaVerified(db, input.sessionId);
      const { recoveryCodesLeft } = await getTwoFactorStatus(db, input.userId);
      return { ok: true, method: 'recovery_code', recoveryCodesLeft };
    }
    const check = await verifyTotpCode({
      secret: decryptTotpSecret(row.secretEncrypted, input.userId),
      code: input.code,
      afterTimeStep: row.lastUsedStep,
      now,
    });
    if (!check.valid) return { ok: false, code: 'invalid' };
    // Conditional update: of two concurrent uses of one code, only one moves the step forward.
    const [advanced] = await db
      .update(userTotp)
      .set({ lastUsedStep: check.timeStep })
      .where(and(eq(userTotp.userId, input.userId), or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, check.timeStep))))
      .returning({ userId: userTotp.userId });
    if (!advanced) return { ok: false, code: 'invalid' };
    await markSessionMfaVerified(db, input.sessionId);
    const { recoveryCodesLeft } = await getTwoFactorStatus(db, input.userId);
    return { ok: true, method: 'totp', recoveryCodesLeft };
  });

  if (result.ok) {
    await recordAudit(db, { action: 'sign_in_second_factor', outcome: 'success', ...meta, details: { method: result.method } });
  } else if (result.code !== 'not_enrolled') {
    await recordAudit(db, { action: 'sign_in_second_factor', outcome: result.code === 'throttled' ? 'throttled' : 'failure', ...meta });
  }
  return result;
}

export type PasswordConfirmedFailure = { ok: false; code: 'wrong_password' | 'throttled' | 'required_for_staff' | 'not_enabled'; retryAfterSeconds?: number };

/** Switches 2FA off (password required; never for caisse staff, for whom it is mandatory). */
export async function disableTotp(db: Db, input: { userId: string; password: string } & RequestMeta): Promise<{ ok: true } | PasswordConfirmedFailure> {
  const check = await confirmOwnPassword(db, input.userId, input.password, input.now);
  const meta = { actorUserId: input.userId, ip: input.ip, userAgent: input.userAgent };
  if (!check.ok) {
    await recordAudit(db, { action: 'totp_disable', outcome: check.code === 'throttled' ? 'throttled' : 'failure', ...meta });
    return check;
  }
  if (check.isCaisseStaff) return { ok: false, code: 'required_for_staff' };
  return db.transaction(async (tx) => {
    const deleted = await tx.delete(userTotp).where(eq(userTotp.userId, input.userId)).returning({ userId: userTotp.userId });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
    if (!deleted.length) return { ok: false as const, code: 'not_enabled' as const };
    await recordAudit(tx, { action: 'totp_disable', outcome: 'success', ...meta });
    return { ok: true as const };
  });
}

/** Ten new recovery codes replacing the old ones (password required). */
export async function regenerateRecoveryCodes(
  db: Db,
  input: { userId: string; password: string } & RequestMeta,
): Promise<{ ok: true; recoveryCodes: string[] } | PasswordConfirmedFailure> {
  const check = await confirmOwnPassword(db, input.userId, input.password, input.now);
  if (!check.ok) return check;
  if (!(await hasTotpEnabled(db, input.userId))) return { ok: false, code: 'not_enabled' };
  return db.transaction(async (tx) => {
    const codes = await storeNewRecoveryCodes(tx, input.userId);
    await recordAudit(tx, { action: 'recovery_codes_regenerate', outcome: 'success', actorUserId: input.userId, ip: input.ip, userAgent: input.userAgent });
    return { ok: true as const, recoveryCodes: codes };
  });
}
