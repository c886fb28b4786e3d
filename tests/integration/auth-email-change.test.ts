import { describe, expect, it } from 'vitest';
import { confirmEmailChange, inspectEmailChangeToken, requestEmailChange } from '@/lib/auth/account';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { engines, useTestDatabase } from '../support/db';
import { auditOf, freshIp, mailsTo, makeUser, policy, tokenFromMail } from '../support/auth';

const ua = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0';

describe.each(engines)('email change (%s)', (engine) => {
  const db = useTestDatabase(engine);

  it('asks the password, confirms the new address by email, notifies the old one, then the new one is the login', async () => {
    const user = await makeUser(db());
    const newEmail = `nouvelle-${Date.now()}@exemple.test`;
    expect(await requestEmailChange(db(), { userId: user.id, password: 'pas le bon', newEmail })).toEqual({ ok: false, code: 'wrong_password' });
    expect(await requestEmailChange(db(), { userId: user.id, password: user.password, newEmail: user.email.toUpperCase() })).toEqual({ ok: false, code: 'same_email' });
    expect(await mailsTo(db(), newEmail)).toEqual([]);

    expect(await requestEmailChange(db(), { userId: user.id, password: user.password, newEmail: ` ${newEmail.toUpperCase()} ` })).toEqual({ ok: true });
    const [confirmMail] = await mailsTo(db(), newEmail);
    expect(confirmMail).toMatchObject({ template: 'email-change-confirm' });
    const [notice] = await mailsTo(db(), user.email);
    expect(notice).toMatchObject({ template: 'email-change-notice', subject: 'Demande de changement de votre adresse de connexion' });
    expect(notice!.text).toContain(newEmail);

    // Until confirmed, the old address is still the login.
    expect(await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua }, policy)).toMatchObject({ ok: true });
    const token = tokenFromMail(confirmMail!.text, '/changement-adresse');
    expect(await inspectEmailChangeToken(db(), token)).toEqual({ status: 'valid', newEmail });
    expect(await confirmEmailChange(db(), { token })).toEqual({ ok: true, newEmail });
    expect(await confirmEmailChange(db(), { token })).toEqual({ ok: false, reason: 'used' });

    expect(await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua }, policy)).toMatchObject({ ok: false });
    expect(await signInWithPassword(db(), { email: newEmail, password: user.password, ip: freshIp(), userAgent: ua }, policy)).toMatchObject({ ok: true, userId: user.id });
    expect((await mailsTo(db(), user.email))[0]).toMatchObject({ subject: 'Votre adresse de connexion a été changée' });
    expect((await auditOf(db(), user.id)).map((a) => a.action)).toEqual(expect.arrayContaining(['email_change_request', 'email_change']));
  });

  it('does not reveal that another account has the address: same answer, no link sent, and a link cannot take it', async () => {
    const user = await makeUser(db());
    const other = await makeUser(db());
    const before = (await mailsTo(db(), other.email)).length;
    expect(await requestEmailChange(db(), { userId: user.id, password: user.password, newEmail: other.email })).toEqual({ ok: true });
    expect((await mailsTo(db(), other.email)).length).toBe(before);
    expect((await mailsTo(db(), user.email))[0]).toMatchObject({ template: 'email-change-notice' });

    // Address free when asked, taken before confirmation: the link is refused.
    const free = `libre-${Date.now()}@exemple.test`;
    expect(await requestEmailChange(db(), { userId: user.id, password: user.password, newEmail: free })).toEqual({ ok: true });
    const token = tokenFromMail((await mailsTo(db(), free))[0]!.text, '/changement-adresse');
    await makeUser(db(), { email: free });
    expect(await confirmEmailChange(db(), { token })).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('expires after 24 hours; a newer request replaces the older link', async () => {
    const user = await makeUser(db());
    const t0 = new Date();
    const a = `a-${Date.now()}@exemple.test`;
    const b = `b-${Date.now()}@exemple.test`;
    await requestEmailChange(db(), { userId: user.id, password: user.password, newEmail: a, now: t0 });
    await requestEmailChange(db(), { userId: user.id, password: user.password, newEmail: b, now: t0 });
    const tokenA = tokenFromMail((await mailsTo(db(), a))[0]!.text, '/changement-adresse');
    const tokenB = tokenFromMail((await mailsTo(db(), b))[0]!.text, '/changement-adresse');
    expect(await confirmEmailChange(db(), { token: tokenA })).toEqual({ ok: false, reason: 'used' });
    expect(await confirmEmailChange(db(), { token: tokenB, now: new Date(t0.getTime() + 24 * 3600_000 + 1000) })).toEqual({ ok: false, reason: 'expired' });
  });
});
