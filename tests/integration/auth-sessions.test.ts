import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions, users } from '@/db/schema';
import { changePassword, disableUser, revokeOtherSessions } from '@/lib/auth/account';
import { createSession, listActiveSessions, revokeSession, sessionGate, validateSession } from '@/lib/auth/sessions';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { engines, useTestDatabase } from '../support/db';
import { auditOf, freshIp, mailsTo, makeUser, policy } from '../support/auth';

const ua = 'Mozilla/5.0 (Windows NT 10.0) Firefox/133.0';

describe.each(engines)('sessions: revocation, limits, gates (%s)', (engine) => {
  const db = useTestDatabase(engine);

  async function signIn(user: { email: string; password: string }) {
    const r = await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua }, policy);
    if (!r.ok) throw new Error(`sign-in refused: ${r.code}`);
    return r.sessionId;
  }

  it('ends after 30 idle minutes and after 12 hours whatever the activity', async () => {
    const user = await makeUser(db());
    const t0 = new Date('2026-11-27T08:00:00Z');
    const id = await createSession(db(), { userId: user.id, now: t0 }, policy);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    expect(await validateSession(db(), id, policy, at(29))).not.toBeNull();
    // Activity at 29 min moved last_seen_at: 29 + 29 is still within the idle limit.
    expect(await validateSession(db(), id, policy, at(58))).not.toBeNull();
    expect(await validateSession(db(), id, policy, at(58 + 31))).toBeNull();

    const busy = await createSession(db(), { userId: user.id, now: t0 }, policy);
    for (let m = 20; m < 12 * 60; m += 20) expect(await validateSession(db(), busy, policy, at(m))).not.toBeNull();
    expect(await validateSession(db(), busy, policy, at(12 * 60))).toBeNull();
    expect(await validateSession(db(), 'not-a-uuid', policy)).toBeNull();
    expect(await validateSession(db(), undefined, policy)).toBeNull();
  });

  it('logout revokes that session at once and only that one', async () => {
    const user = await makeUser(db());
    const a = await signIn(user);
    const b = await signIn(user);
    await revokeSession(db(), a, 'logout');
    expect(await validateSession(db(), a, policy)).toBeNull();
    expect(await validateSession(db(), b, policy)).not.toBeNull();
    expect((await listActiveSessions(db(), user.id, policy)).map((s) => s.id)).toEqual([b]);
  });

  it('« Déconnecter mes autres sessions » keeps the current one and ends the others at once', async () => {
    const user = await makeUser(db());
    const [current, other1, other2] = [await signIn(user), await signIn(user), await signIn(user)];
    expect(await revokeOtherSessions(db(), { userId: user.id, sessionId: current, ip: '203.0.113.9', userAgent: ua })).toBe(2);
    expect(await validateSession(db(), current, policy)).not.toBeNull();
    expect(await validateSession(db(), other1, policy)).toBeNull();
    expect(await validateSession(db(), other2, policy)).toBeNull();
    expect((await auditOf(db(), user.id))[0]).toMatchObject({ action: 'sessions_revoke_others', outcome: 'success', details: { revoked: 2 } });
  });

  it('password change asks the current password, ends the other sessions, keeps this one, and tells the owner', async () => {
    const user = await makeUser(db());
    const current = await signIn(user);
    const other = await signIn(user);
    const newPassword = 'agrafeuse tournevis marmotte';

    const wrong = await changePassword(db(), { userId: user.id, sessionId: current, currentPassword: 'pas le bon', newPassword });
    expect(wrong).toEqual({ ok: false, code: 'wrong_password' });
    expect(await validateSession(db(), other, policy)).not.toBeNull();

    const weak = await changePassword(db(), { userId: user.id, sessionId: current, currentPassword: user.password, newPassword: 'motdepasse2026' });
    expect(weak).toMatchObject({ ok: false, code: 'weak' });
    expect(await validateSession(db(), other, policy)).not.toBeNull();

    expect(await changePassword(db(), { userId: user.id, sessionId: current, currentPassword: user.password, newPassword })).toEqual({ ok: true, revokedSessions: 1 });
    expect(await validateSession(db(), current, policy)).not.toBeNull();
    expect(await validateSession(db(), other, policy)).toBeNull();
    expect(await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua }, policy)).toMatchObject({ ok: false });
    expect(await signInWithPassword(db(), { email: user.email, password: newPassword, ip: freshIp(), userAgent: ua }, policy)).toMatchObject({ ok: true });
    const [mail] = await mailsTo(db(), user.email);
    expect(mail).toMatchObject({ template: 'password-changed', subject: 'Votre mot de passe a été modifié' });
    const actions = (await auditOf(db(), user.id)).map((a) => `${a.action}:${a.outcome}`);
    expect(actions).toContain('password_change:success');
    expect(actions).toContain('password_change:failure');
  });

  it('a stolen session cannot guess the current password: 10 failures then refused', async () => {
    const user = await makeUser(db());
    const current = await signIn(user);
    for (let i = 0; i < 10; i++) {
      expect(await changePassword(db(), { userId: user.id, sessionId: current, currentPassword: `essai-${i}`, newPassword: 'agrafeuse tournevis marmotte' })).toMatchObject({
        code: 'wrong_password',
      });
    }
    expect(await changePassword(db(), { userId: user.id, sessionId: current, currentPassword: user.password, newPassword: 'agrafeuse tournevis marmotte' })).toMatchObject({
      ok: false,
      code: 'throttled',
    });
  });

  it('disabling an account (status) ends its sessions at once, before any revocation; disableUser also revokes them', async () => {
    const user = await makeUser(db());
    const a = await signIn(user);
    await db().update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    expect(await validateSession(db(), a, policy)).toBeNull();
    // Re-enabling does not resurrect anything once disableUser revoked the rows.
    await db().update(users).set({ status: 'active' }).where(eq(users.id, user.id));
    expect(await validateSession(db(), a, policy)).not.toBeNull();
    await disableUser(db(), { userId: user.id, reason: 'test' });
    const [row] = await db().select().from(sessions).where(eq(sessions.id, a));
    expect(row).toMatchObject({ revokedReason: 'user_disabled' });
    await db().update(users).set({ status: 'active' }).where(eq(users.id, user.id));
    expect(await validateSession(db(), a, policy)).toBeNull();
  });

  it('gates: ok; second factor pending; caisse staff without 2FA must enrol first', () => {
    expect(sessionGate({ hasTotp: false, isMfaVerified: false, isCaisseStaff: false })).toBe('ok');
    expect(sessionGate({ hasTotp: true, isMfaVerified: false, isCaisseStaff: false })).toBe('mfa_pending');
    expect(sessionGate({ hasTotp: true, isMfaVerified: true, isCaisseStaff: false })).toBe('ok');
    expect(sessionGate({ hasTotp: false, isMfaVerified: false, isCaisseStaff: true })).toBe('mfa_enrolment_required');
    expect(sessionGate({ hasTotp: true, isMfaVerified: false, isCaisseStaff: true })).toBe('mfa_pending');
    expect(sessionGate({ hasTotp: true, isMfaVerified: true, isCaisseStaff: true })).toBe('ok');
  });
});
