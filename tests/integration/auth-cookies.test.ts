import { describe, expect, it } from 'vitest';
import { sessions } from '@/db/schema';
import { engines, useTestDatabase } from '../support/db';
import { makeUser } from '../support/auth';

// Auth.js's own HTTP handlers, as a browser reaches them, with a public https URL: the cookie the
// space relies on must be HttpOnly, SameSite=Lax and Secure (with the __Secure- prefix).
process.env.APP_URL = 'https://espace.cibtp-grandest.test';

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie();
}

describe.each(engines)('Auth.js cookies and sign-in over HTTP (%s)', (engine) => {
  const db = useTestDatabase(engine);

  it('sets a Secure, HttpOnly, SameSite=Lax session cookie carrying a new session, and refuses a wrong password', async () => {
    const { handlers } = await import('@/lib/auth/auth');
    const user = await makeUser(db());
    // Reached over plain http, as behind a TLS-terminating proxy that forgot X-Forwarded-Proto: left to
    // itself Auth.js would then drop Secure; the public URL decides instead.
    const base = 'http://10.0.0.5:3000/api/auth';

    const csrfRes = await handlers.GET(new Request(`${base}/csrf`) as never);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const csrfCookie = cookiesOf(csrfRes).find((c) => c.startsWith('__Host-authjs.csrf-token='))!;
    expect(csrfCookie).toMatch(/HttpOnly/i);
    expect(csrfCookie).toMatch(/Secure/i);

    async function post(password: string) {
      return handlers.POST(
        new Request(`${base}/callback/credentials`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie.split(';')[0]!, 'x-forwarded-for': '203.0.113.7' },
          body: new URLSearchParams({ email: user.email, password, csrfToken, callbackUrl: '/espace' }),
        }) as never,
      );
    }

    const refused = await post('pas le bon mot de passe');
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toContain('error=CredentialsSignin&code=invalid');
    expect(cookiesOf(refused).some((c) => c.startsWith('__Secure-authjs.session-token='))).toBe(false);

    const before = (await db().select().from(sessions)).length;
    const accepted = await post(user.password);
    expect(accepted.status).toBe(302);
    const session = cookiesOf(accepted).find((c) => c.startsWith('__Secure-authjs.session-token='));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    const rows = await db().select().from(sessions);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ userId: user.id, ip: '203.0.113.7' });
  });
});
