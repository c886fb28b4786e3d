import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '@/db/schema';
import { validateSession } from '@/lib/auth/sessions';
import { signInThrottle, signInWithPassword } from '@/lib/auth/sign-in';
import { engines, useTestDatabase } from '../support/db';
import { auditOf, freshIp, makeUser, policy } from '../support/auth';

const ua = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe.each(engines)('sign-in with email and password (%s)', (engine) => {
  const db = useTestDatabase(engine);

  it('opens a new session row at every sign-in (session id rotated), each checked in the database', async () => {
    const user = await makeUser(db());
    const ip = freshIp();
    const first = await signInWithPassword(db(), { email: user.email, password: user.password, ip, userAgent: ua }, policy);
    const second = await signInWithPassword(db(), { email: ` ${user.email.toUpperCase()} `, password: user.password, ip, userAgent: ua }, policy);
    expect(first).toMatchObject({ ok: true, userId: user.id, isMfaRequired: false });
    expect(second).toMatchObject({ ok: true, userId: user.id });
    if (!first.ok || !second.ok) throw new Error('unreachable');
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(2);
    expect((await validateSession(db(), second.sessionId, policy))?.userId).toBe(user.id);
    const audit = await auditOf(db(), user.id);
    expect(audit.filter((a) => a.action === 'sign_in' && a.outcome === 'success')).toHaveLength(2);
    expect(audit[0]).toMatchObject({ ip, userAgent: ua });
  });

  it('gives the same answer for an unknown email and for a wrong password, in similar time', async () => {
    const user = await makeUser(db());
    const wrong = await signInWithPassword(db(), { email: user.email, password: 'pas le bon mot de passe', ip: freshIp(), userAgent: ua }, policy);
    const unknown = await signInWithPassword(db(), { email: 'personne@inconnu.test', password: 'pas le bon mot de passe', ip: freshIp(), userAgent: ua }, policy);
    expect(wrong).toEqual({ ok: false, code: 'invalid' });
    expect(unknown).toEqual(wrong);

    // Both paths verify one argon2id hash; timings are medians of alternated runs on fresh counters.
    const existing = await Promise.all(Array.from({ length: 9 }, () => makeUser(db())));
    const timeExisting: number[] = [];
    const timeUnknown: number[] = [];
    for (const [i, u] of existing.entries()) {
      let t = performance.now();
      await signInWithPassword(db(), { email: u.email, password: 'mauvais-mot-de-passe', ip: freshIp(), userAgent: ua }, policy);
      timeExisting.push(performance.now() - t);
      t = performance.now();
      await signInWithPassword(db(), { email: `absent-${i}@inconnu.test`, password: 'mauvais-mot-de-passe', ip: freshIp(), userAgent: ua }, policy);
      timeUnknown.push(performance.now() - t);
    }
    const ratio = median(timeExisting) / median(timeUnknown);
    expect(ratio, `existing ${median(timeExisting).toFixed(1)} ms vs unknown ${median(timeUnknown).toFixed(1)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('refuses a disabled or not yet activated account with the same answer, even with its password', async () => {
    const disabled = await makeUser(db());
    const pending = await makeUser(db());
    await db().update(users).set({ status: 'disabled' }).where(eq(users.id, disabled.id));
    await db().update(users).set({ status: 'pending' }).where(eq(users.id, pending.id));
    for (const u of [disabled, pending]) {
      expect(await signInWithPassword(db(), { email: u.email, password: u.password, ip: freshIp(), userAgent: ua }, policy)).toEqual({ ok: false, code: 'invalid' });
    }
  });

  it('beyond 10 failures in 15 minutes refuses the account with a delay, then lets the owner in again (no permanent lock)', async () => {
    const user = await makeUser(db());
    const t0 = new Date('2026-11-27T09:00:30Z');
    for (let i = 0; i < 10; i++) {
      const at = new Date(t0.getTime() + i * 1000);
      expect(await signInWithPassword(db(), { email: user.email, password: `essai-${i}`, ip: freshIp(), userAgent: ua, now: at }, policy)).toEqual({ ok: false, code: 'invalid' });
    }
    // Even the right password is not checked while the account is throttled.
    const blocked = await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua, now: new Date(t0.getTime() + 60_000) }, policy);
    expect(blocked).toMatchObject({ ok: false, code: 'throttled_account' });
    if (blocked.ok) throw new Error('unreachable');
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // Refused attempts do not extend the delay.
    const again = await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua, now: new Date(t0.getTime() + 120_000) }, policy);
    expect(again).toMatchObject({ ok: false, code: 'throttled_account', retryAfterSeconds: blocked.retryAfterSeconds! - 60 });

    const audit = await auditOf(db(), user.id);
    expect(audit.filter((a) => a.outcome === 'failure')).toHaveLength(10);
    expect(audit.filter((a) => a.outcome === 'throttled')).toHaveLength(2);

    const later = new Date(t0.getTime() + 60_000 + blocked.retryAfterSeconds! * 1000);
    const ok = await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua, now: later }, policy);
    expect(ok).toMatchObject({ ok: true, userId: user.id });
  });

  it('throttles an unknown email exactly like an existing one (the throttle reveals nothing)', async () => {
    const user = await makeUser(db());
    const now = new Date('2026-11-27T10:00:00Z');
    const answers: unknown[] = [];
    for (const email of [user.email, 'fantome@inconnu.test']) {
      for (let i = 0; i < signInThrottle.account.limit; i++) {
        await signInWithPassword(db(), { email, password: 'mauvais', ip: freshIp(), userAgent: ua, now }, policy);
      }
      answers.push(await signInWithPassword(db(), { email, password: 'mauvais', ip: freshIp(), userAgent: ua, now }, policy));
    }
    expect(answers[0]).toEqual({ ok: false, code: 'throttled_account', retryAfterSeconds: 900 });
    expect(answers[1]).toEqual(answers[0]);
  });

  it('a success clears the account’s failures; the window slides (no double burst across a boundary)', async () => {
    const user = await makeUser(db());
    const t0 = new Date('2026-11-27T11:00:00Z');
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    for (let i = 0; i < 9; i++) await signInWithPassword(db(), { email: user.email, password: 'mauvais', ip: freshIp(), userAgent: ua, now: at(i) }, policy);
    expect(await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua, now: at(10) }, policy)).toMatchObject({ ok: true });
    for (let i = 0; i < 10; i++) {
      expect(await signInWithPassword(db(), { email: user.email, password: 'mauvais', ip: freshIp(), userAgent: ua, now: at(20 + i) }, policy)).toMatchObject({ code: 'invalid' });
    }
    // 14 minutes later the same failures are still inside the 15-minute window.
    expect(await signInWithPassword(db(), { email: user.email, password: 'mauvais', ip: freshIp(), userAgent: ua, now: at(14 * 60) }, policy)).toMatchObject({
      code: 'throttled_account',
    });
  });

  it('limits failures per IP across accounts (password spraying), not other IPs', async () => {
    const ip = freshIp();
    const now = new Date('2026-11-27T12:00:00Z');
    for (let i = 0; i < signInThrottle.ip.limit; i++) {
      expect(await signInWithPassword(db(), { email: `cible-${i}@inconnu.test`, password: 'Printemps2026!', ip, userAgent: ua, now }, policy)).toMatchObject({ code: 'invalid' });
    }
    const user = await makeUser(db());
    expect(await signInWithPassword(db(), { email: user.email, password: user.password, ip, userAgent: ua, now }, policy)).toMatchObject({ ok: false, code: 'throttled_ip' });
    expect(await signInWithPassword(db(), { email: user.email, password: user.password, ip: freshIp(), userAgent: ua, now }, policy)).toMatchObject({ ok: true });
  });

  it('concurrent guesses on one account: exactly 10 passwords are checked, the rest refused unchecked', async () => {
    const user = await makeUser(db());
    const now = new Date('2026-11-27T13:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signInWithPassword(db(), { email: user.email, password: `essai-${i}`, ip: freshIp(), userAgent: ua, now }, policy)),
    );
    const checked = results.filter((r) => !r.ok && r.code === 'invalid').length;
    // Each hit decides on the count its own atomic increment returned: exactly the limit gets through.
    expect(checked).toBe(10);
    expect(results.every((r) => !r.ok)).toBe(true);
    const failures = await db().select().from(auditLog).where(and(eq(auditLog.actorUserId, user.id), eq(auditLog.outcome, 'failure')));
    expect(failures).toHaveLength(checked);
  });
});
