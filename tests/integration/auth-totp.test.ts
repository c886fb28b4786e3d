import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { recoveryCodes, userTotp } from '@/db/schema';
import { sessionGate, validateSession } from '@/lib/auth/sessions';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { decryptTotpSecret } from '@/lib/auth/totp';
import {
  confirmTotpEnrolment,
  disableTotp,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  secondFactorThrottle,
  startTotpEnrolment,
  verifySecondFactor,
} from '@/lib/auth/two-factor';
import { engines, useTestDatabase } from '../support/db';
import { auditOf, freshIp, makeUser, policy } from '../support/auth';

const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1';

describe.each(engines)('two-factor authentication (TOTP) (%s)', (engine) => {
  const db = useTestDatabase(engine);

  async function signIn(user: { email: string; password: string }, now?: Date) {
    const r = await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua, now }, policy);
    if (!r.ok) throw new Error(`sign-in refused: ${r.code}`);
    return r;
  }

  /** Enrols `user` at `now`; returns the secret and the recovery codes. */
  async function enrol(user: { id: string; email: string; password: string }, now: Date) {
    const { sessionId } = await signIn(user, now);
    const secret = (await startTotpEnrolment(db(), user.id))!;
    const code = await generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
    const result = await confirmTotpEnrolment(db(), { userId: user.id, sessionId, code, now });
    if (!result.ok) throw new Error(`enrolment refused: ${result.code}`);
    return { secret, codes: result.recoveryCodes, sessionId };
  }

  it('enrols: secret stored encrypted and kept across reloads, wrong code refused, then 10 hashed recovery codes', async () => {
    const user = await makeUser(db());
    const { sessionId } = await signIn(user);
    const secret = await startTotpEnrolment(db(), user.id);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await startTotpEnrolment(db(), user.id)).toBe(secret);
    const [row] = await db().select().from(userTotp).where(eq(userTotp.userId, user.id));
    expect(row!.secretEncrypted).not.toContain(secret!);
    expect(decryptTotpSecret(row!.secretEncrypted, user.id)).toBe(secret);
    expect(row!.enabledAt).toBeNull();
    // Pending enrolment does not gate anything yet.
    expect(sessionGate((await validateSession(db(), sessionId, policy))!)).toBe('ok');

    const now = new Date();
    const epoch = Math.floor(now.getTime() / 1000);
    const good = await generate({ secret: secret!, epoch });
    const bad = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0');
    expect(await confirmTotpEnrolment(db(), { userId: user.id, sessionId, code: bad, now })).toEqual({ ok: false, code: 'invalid' });
    const result = await confirmTotpEnrolment(db(), { userId: user.id, sessionId, code: good, now });
    expect(result.ok).toBe(true);
    if (!result.ok) throw new Error('unreachable');
    expect(result.recoveryCodes).toHaveLength(10);
    const stored = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    for (const code of result.recoveryCodes) expect(stored.some((s) => s.codeHash.includes(code.replace('-', '')))).toBe(false);

    // The enrolling session counts as verified; a second confirmation is refused; the secret is no longer shown.
    expect(sessionGate((await validateSession(db(), sessionId, policy))!)).toBe('ok');
    expect(await confirmTotpEnrolment(db(), { userId: user.id, sessionId, code: good, now })).toEqual({ ok: false, code: 'not_enrolled' });
    expect(await startTotpEnrolment(db(), user.id)).toBeNull();
    expect(await getTwoFactorStatus(db(), user.id)).toMatchObject({ isEnabled: true, recoveryCodesLeft: 10 });
    expect((await auditOf(db(), user.id)).map((a) => `${a.action}:${a.outcome}`)).toEqual(expect.arrayContaining(['totp_enable:failure', 'totp_enable:success']));
  });

  it('signs in in two steps: the session is unusable until a code is given; a code cannot be replayed', async () => {
    const user = await makeUser(db());
    const t0 = new Date();
    const { secret, sessionId: enrolSession } = await enrol(user, t0);
    expect(sessionGate((await validateSession(db(), enrolSession, policy))!)).toBe('ok');

    const attempt = await signIn(user, t0);
    expect(attempt.isMfaRequired).toBe(true);
    const pending = (await validateSession(db(), attempt.sessionId, policy))!;
    expect(sessionGate(pending)).toBe('mfa_pending');

    // The code used at enrolment (same time step) is refused: replay protection.
    const sameStep = await generate({ secret, epoch: Math.floor(t0.getTime() / 1000) });
    expect(await verifySecondFactor(db(), { userId: user.id, sessionId: attempt.sessionId, code: sameStep, now: t0 })).toEqual({ ok: false, code: 'invalid' });
    expect(sessionGate((await validateSession(db(), attempt.sessionId, policy))!)).toBe('mfa_pending');

    const t1 = new Date(t0.getTime() + 30_000);
    const next = await generate({ secret, epoch: Math.floor(t1.getTime() / 1000) });
    expect(await verifySecondFactor(db(), { userId: user.id, sessionId: attempt.sessionId, code: next, now: t1 })).toEqual({ ok: true, method: 'totp', recoveryCodesLeft: 10 });
    expect(sessionGate((await validateSession(db(), attempt.sessionId, policy))!)).toBe('ok');

    // The same code on another new session: replayed, refused.
    const other = await signIn(user, t1);
    expect(await verifySecondFactor(db(), { userId: user.id, sessionId: other.sessionId, code: next, now: t1 })).toEqual({ ok: false, code: 'invalid' });
    expect((await auditOf(db(), user.id)).map((a) => `${a.action}:${a.outcome}`)).toEqual(
      expect.arrayContaining(['sign_in_second_factor:success', 'sign_in_second_factor:failure']),
    );
  });

  it('a recovery code works once, whatever its case or dashes', async () => {
    const user = await makeUser(db());
    const { codes } = await enrol(user, new Date());
    const a = await signIn(user);
    const typed = codes[3]!.toLowerCase().replace('-', ' ');
    expect(await verifySecondFactor(db(), { userId: user.id, sessionId: a.sessionId, code: typed })).toEqual({ ok: true, method: 'recovery_code', recoveryCodesLeft: 9 });
    expect(sessionGate((await validateSession(db(), a.sessionId, policy))!)).toBe('ok');
    const b = await signIn(user);
    expect(await verifySecondFactor(db(), { userId: user.id, sessionId: b.sessionId, code: codes[3]! })).toEqual({ ok: false, code: 'invalid' });
    expect(sessionGate((await validateSession(db(), b.sessionId, policy))!)).toBe('mfa_pending');
  });

  it('limits second-factor guesses: after 5 failures even the right code is refused for a while', async () => {
    const user = await makeUser(db());
    const t0 = new Date();
    const { secret } = await enrol(user, t0);
    const { sessionId } = await signIn(user, t0);
    const t1 = new Date(t0.getTime() + 60_000);
    for (let i = 0; i < secondFactorThrottle.limit; i++) {
      expect(await verifySecondFactor(db(), { userId: user.id, sessionId, code: '000000', now: t1 })).toMatchObject({ ok: false, code: 'invalid' });
    }
    const right = await generate({ secret, epoch: Math.floor(t1.getTime() / 1000) });
    expect(await verifySecondFactor(db(), { userId: user.id, sessionId, code: right, now: t1 })).toMatchObject({ ok: false, code: 'throttled' });
    const t2 = new Date(t1.getTime() + 16 * 60_000);
    const later = await generate({ secret, epoch: Math.floor(t2.getTime() / 1000) });
    expect(await verifySecondFactor(db(), { userId: user.id, sessionId, code: later, now: t2 })).toMatchObject({ ok: true });
  });

  it('is required for caisse staff: enrolment first, and it cannot be switched off', async () => {
    const staff = await makeUser(db(), { isCaisseStaff: true });
    const { sessionId } = await signIn(staff);
    expect(sessionGate((await validateSession(db(), sessionId, policy))!)).toBe('mfa_enrolment_required');
    const secret = (await startTotpEnrolment(db(), staff.id))!;
    const now = new Date();
    const r = await confirmTotpEnrolment(db(), { userId: staff.id, sessionId, code: await generate({ secret, epoch: Math.floor(now.getTime() / 1000) }), now });
    expect(r.ok).toBe(true);
    expect(sessionGate((await validateSession(db(), sessionId, policy))!)).toBe('ok');
    expect(await disableTotp(db(), { userId: staff.id, password: staff.password })).toEqual({ ok: false, code: 'required_for_staff' });
    expect((await getTwoFactorStatus(db(), staff.id)).isEnabled).toBe(true);
  });

  it('can be switched off by its owner with the password; recovery codes can be renewed', async () => {
    const user = await makeUser(db());
    const { codes } = await enrol(user, new Date());
    const renewed = await regenerateRecoveryCodes(db(), { userId: user.id, password: user.password });
    expect(renewed.ok).toBe(true);
    if (!renewed.ok) throw new Error('unreachable');
    expect(renewed.recoveryCodes).not.toContain(codes[0]);
    const a = await signIn(user);
    expect(await verifySecondFactor(db(), { userId: user.id, sessionId: a.sessionId, code: codes[0]! })).toMatchObject({ ok: false });
    expect(await verifySecondFactor(db(), { userId: user.id, sessionId: a.sessionId, code: renewed.recoveryCodes[0]! })).toMatchObject({ ok: true });

    expect(await disableTotp(db(), { userId: user.id, password: 'pas le bon' })).toEqual({ ok: false, code: 'wrong_password' });
    expect(await disableTotp(db(), { userId: user.id, password: user.password })).toEqual({ ok: true });
    expect(await getTwoFactorStatus(db(), user.id)).toEqual({ isEnabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    const b = await signIn(user);
    expect(b.isMfaRequired).toBe(false);
    expect(sessionGate((await validateSession(db(), b.sessionId, policy))!)).toBe('ok');
  });
});
