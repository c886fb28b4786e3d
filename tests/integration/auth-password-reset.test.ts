import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mailOutbox } from '@/db/schema';
import { inspectPasswordResetToken, passwordResetThrottle, requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { validateSession } from '@/lib/auth/sessions';
import { signInThrottle, signInWithPassword } from '@/lib/auth/sign-in';
import { engines, useTestDatabase } from '../support/db';
import { auditOf, freshIp, mailsTo, makeUser, policy, tokenFromMail } from '../support/auth';

const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15';
const newPassword = 'girafe parapluie escalier bleu';

describe.each(engines)('« Mot de passe oublié ? » (%s)', (engine) => {
  const db = useTestDatabase(engine);

  async function requestLink(email: string, now?: Date) {
    const r = await requestPasswordReset(db(), { email, ip: freshIp(), userAgent: ua, now });
    if (r.status !== 'accepted') throw new Error('throttled');
    await r.deliver();
    const [mail] = await mailsTo(db(), email);
    return tokenFromMail(mail!.text, '/mot-de-passe-oublie/nouveau');
  }

  it('answers an unknown email exactly like a known one, and only the known one gets an email', async () => {
    const user = await makeUser(db());
    const before = (await db().select().from(mailOutbox)).length;
    const known = await requestPasswordReset(db(), { email: user.email, ip: freshIp(), userAgent: ua });
    const unknown = await requestPasswordReset(db(), { email: 'inconnu@nulle-part.test', ip: freshIp(), userAgent: ua });
    expect(Object.keys(known)).toEqual(Object.keys(unknown));
    expect(known.status).toBe('accepted');
    expect(unknown.status).toBe('accepted');
    if (known.status !== 'accepted' || unknown.status !== 'accepted') throw new Error('unreachable');
    await known.deliver();
    await unknown.deliver();
    expect((await db().select().from(mailOutbox)).length).toBe(before + 1);
    expect(await mailsTo(db(), 'inconnu@nulle-part.test')).toEqual([]);
    const [mail] = await mailsTo(db(), user.email);
    expect(mail).toMatchObject({ template: 'password-reset', subject: 'Réinitialisation de votre mot de passe' });
    expect(mail!.text).toContain('valable une heure');
    expect(mail!.html).toContain('color:#0b4f9c');
  });

  it('sets the new password with a single-use link, ends every session, and tells the owner', async () => {
    const user = await makeUser(db());
    const session = await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua }, policy);
    if (!session.ok) throw new Error('sign-in failed');
    const token = await requestLink(user.email);
    expect(await inspectPasswordResetToken(db(), token)).toEqual({ status: 'valid', email: user.email });

    // A refused password does not spend the link.
    const weak = await resetPassword(db(), { token, newPassword: 'azertyuiop123', ip: freshIp(), userAgent: ua });
    expect(weak).toMatchObject({ ok: false, reason: 'weak' });
    expect((await inspectPasswordResetToken(db(), token)).status).toBe('valid');

    expect(await resetPassword(db(), { token, newPassword, ip: freshIp(), userAgent: ua })).toEqual({ ok: true, email: user.email });
    expect(await validateSession(db(), session.sessionId, policy)).toBeNull();
    expect(await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua }, policy)).toMatchObject({ ok: false });
    expect(await signInWithPassword(db(), { email: user.email, password: newPassword, ip: freshIp(), userAgent: ua }, policy)).toMatchObject({ ok: true });

    expect(await resetPassword(db(), { token, newPassword: 'un autre mot de passe solide', ip: freshIp(), userAgent: ua })).toEqual({ ok: false, reason: 'used' });
    expect((await mailsTo(db(), user.email))[0]).toMatchObject({ template: 'password-changed' });
    const actions = (await auditOf(db(), user.id)).map((a) => a.action);
    expect(actions).toContain('password_reset');
    expect(actions).toContain('password_reset_request');
  });

  it('a link expires after one hour, and only the latest link works', async () => {
    const user = await makeUser(db());
    const t0 = new Date();
    const first = await requestLink(user.email, t0);
    const second = await requestLink(user.email, new Date(t0.getTime() + 1000));
    expect(first).not.toBe(second);
    expect(await resetPassword(db(), { token: first, newPassword, ip: freshIp(), userAgent: ua })).toEqual({ ok: false, reason: 'used' });
    const late = new Date(t0.getTime() + 3600_000 + 2000);
    expect(await inspectPasswordResetToken(db(), second, late)).toEqual({ status: 'expired' });
    expect(await resetPassword(db(), { token: second, newPassword, ip: freshIp(), userAgent: ua, now: late })).toEqual({ ok: false, reason: 'expired' });
    expect(await resetPassword(db(), { token: 'inventé', newPassword, ip: freshIp(), userAgent: ua })).toEqual({ ok: false, reason: 'unknown' });
  });

  it('is rate-limited per address, existing or not, with the same answer', async () => {
    const user = await makeUser(db());
    const now = new Date('2026-11-27T15:00:00Z');
    const answers: unknown[] = [];
    for (const email of [user.email, 'absent@nulle-part.test']) {
      for (let i = 0; i < passwordResetThrottle.email.limit; i++) {
        expect((await requestPasswordReset(db(), { email, ip: freshIp(), userAgent: ua, now })).status).toBe('accepted');
      }
      answers.push(await requestPasswordReset(db(), { email, ip: freshIp(), userAgent: ua, now }));
    }
    expect(answers[0]).toEqual({ status: 'throttled', retryAfterSeconds: 3600 });
    expect(answers[1]).toEqual(answers[0]);
  });

  it('a reset clears the sign-in throttle of the account (its owner proved control of the mailbox)', async () => {
    const user = await makeUser(db());
    for (let i = 0; i < signInThrottle.account.limit; i++) {
      await signInWithPassword(db(), { email: user.email, password: `essai-${i}`, ip: freshIp(), userAgent: ua }, policy);
    }
    expect(await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua }, policy)).toMatchObject({ code: 'throttled_account' });
    const token = await requestLink(user.email);
    expect(await resetPassword(db(), { token, newPassword, ip: freshIp(), userAgent: ua })).toMatchObject({ ok: true });
    expect(await signInWithPassword(db(), { email: user.email, password: newPassword, ip: freshIp(), userAgent: ua }, policy)).toMatchObject({ ok: true });
  });

  it('sends nothing for a disabled account', async () => {
    const user = await makeUser(db());
    const { users } = await import('@/db/schema');
    await db().update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    const r = await requestPasswordReset(db(), { email: user.email, ip: freshIp(), userAgent: ua });
    expect(r.status).toBe('accepted');
    if (r.status === 'accepted') await r.deliver();
    expect(await mailsTo(db(), user.email)).toEqual([]);
  });
});
