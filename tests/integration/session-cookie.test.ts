import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessions, users } from '@/db/schema';
import { demoUsers, seedDemo } from '@/db/seed';
import { getCurrentSession, getSessionPolicy } from '@/lib/auth/current';
import { createSession } from '@/lib/auth/sessions';
import { getEnv } from '@/lib/env';
import { engines, useTestDatabase } from '../support/db';
import { cookieJar as jar } from '../support/next-headers';

vi.mock('next/headers', async () => (await import('../support/next-headers')).nextHeadersMock);

const cookieName = 'authjs.session-token';
const sealed = (sid: string, options: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: { sub: 'x', sid }, secret: options.secret ?? getEnv().authSecret, salt: cookieName, maxAge: options.maxAge ?? 3600 });

describe.each(engines)('the session cookie read on every request (%s)', (engine) => {
  const db = useTestDatabase(engine);
  let userId = '';
  let sid = '';

  beforeAll(async () => {
    await seedDemo(db(), { today: '2026-11-27' });
    userId = (await db().select({ id: users.id }).from(users).where(eq(users.email, demoUsers.rhenane.email)))[0]!.id;
  });
  beforeEach(async () => {
    jar.clear();
    sid = await createSession(db(), { userId, isMfaVerified: true }, getSessionPolicy());
  });

  it('finds the session of an Auth.js cookie, whole or in chunks (.0, .1… in any order)', async () => {
    expect(await getCurrentSession()).toBeNull();
    const value = await sealed(sid);
    jar.set(cookieName, value);
    expect(await getCurrentSession()).toMatchObject({ sessionId: sid, userId });

    jar.clear();
    const cut = Math.floor(value.length / 2);
    jar.set(`${cookieName}.1`, value.slice(cut));
    jar.set(`${cookieName}.0`, value.slice(0, cut));
    expect(await getCurrentSession()).toMatchObject({ sessionId: sid, userId });
  });

  it('refuses a touched, foreign-key or expired cookie, and a revoked session', async () => {
    const value = await sealed(sid);
    jar.set(cookieName, `${value.slice(0, -2)}${value.endsWith('AA') ? 'BB' : 'AA'}`);
    expect(await getCurrentSession()).toBeNull();
    jar.set(cookieName, await sealed(sid, { secret: 'another-secret-of-at-least-32-characters!!' }));
    expect(await getCurrentSession()).toBeNull();
    jar.set(cookieName, await sealed(sid, { maxAge: -60 }));
    expect(await getCurrentSession()).toBeNull();
    jar.set(cookieName, 'not-a-jwt');
    expect(await getCurrentSession()).toBeNull();

    jar.set(cookieName, value);
    expect(await getCurrentSession()).toMatchObject({ sessionId: sid });
    await db().update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sid));
    expect(await getCurrentSession()).toBeNull();
  });

  it('a cookie already decrypted (kept in memory) still stops at its own expiry', async () => {
    jar.set(cookieName, await sealed(sid, { maxAge: 120 }));
    expect(await getCurrentSession()).toMatchObject({ sessionId: sid }); // decrypted, then remembered
    expect(await getCurrentSession()).toMatchObject({ sessionId: sid }); // from memory
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 180_000); // the session row is still fine (idle limit not reached)…
      expect(await getCurrentSession()).toBeNull(); // …but the cookie is past its expiry
    } finally {
      vi.useRealTimers();
    }
  });
});
