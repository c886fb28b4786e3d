import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { LRUCache } from 'lru-cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getEnv } from '@/lib/env';
import { sessionCookieName } from './auth';
import { requestInfo } from './request-info';
import { sessionGate, validateSession, type SessionGate, type SessionPolicy, type ValidSession } from './sessions';

export function getSessionPolicy(): SessionPolicy {
  const env = getEnv();
  return { idleMinutes: env.sessionIdleMinutes, maxHours: env.sessionMaxHours };
}

/**
 * The session row behind this request's cookie, checked in the database (once per request), whatever
 * its gate: also a session still waiting for its second factor. Only the sign-in steps and logout use
 * it; everything else goes through getCurrentSession / requireSession.
 */
export const getSessionAnyGate = cache(async (): Promise<ValidSession | null> => {
  return validateSession(await getDb(), await readSessionId(), getSessionPolicy());
});

/**
 * Our session id (`sid`) out of the Auth.js session cookie, as Auth.js itself reads it (its cookie name,
 * its chunks `.0`, `.1`… when a value is long, its encrypted JWT with the key derived from AUTH_SECRET,
 * expiry checked) but without running Auth.js's whole request pipeline: `auth()` builds an internal
 * request and response for every call, which cost more CPU than the rest of a file download
 * (npm run bench, issue 5). The cookie only proves which session row to look at: validateSession decides.
 */
async function readSessionId(): Promise<string | undefined> {
  const env = getEnv();
  const name = sessionCookieName(env.appUrl);
  const jar = await cookies();
  let value = jar.get(name)?.value;
  if (!value) {
    const chunks = jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    value = chunks.map((c) => c.value).join('');
  }
  if (!value) return undefined;
  const key = `${name}\u0000${value}`;
  const known = decodedCookies.get(key);
  if (known) {
    if (known.expiresAtMs > Date.now()) return known.sid;
    decodedCookies.delete(key);
    return undefined;
  }
  try {
    const token = await decode({ token: value, secret: env.authSecret, salt: name });
    if (typeof token?.sid !== 'string') return undefined;
    if (typeof token.exp === 'number') decodedCookies.set(key, { sid: token.sid, expiresAtMs: token.exp * 1000 });
    return token.sid;
  } catch {
    return undefined;
  }
}

/**
 * Cookies already decrypted by this process (their exact text → sid and expiry). Every request of a
 * signed-in user carries the same cookie until it is refreshed; decrypting it again (key derivation and
 * AES) was about 5 % of a re-download's CPU (npm run bench, issue 5). Only cookies that decrypted with our
 * secret get in, so a client cannot fill it with garbage; the expiry is checked on every hit, and the
 * session row, not this cache, still decides whether the session is usable.
 */
const decodedCookies = new LRUCache<string, { sid: string; expiresAtMs: number }>({ max: 10_000 });

/** The signed-in user of this request, or null — including while a second factor is pending or required. */
export async function getCurrentSession(): Promise<ValidSession | null> {
  const session = await getSessionAnyGate();
  return session && sessionGate(session) === 'ok' ? session : null;
}

const gateRedirects: Record<Exclude<SessionGate, 'ok'>, string> = {
  mfa_pending: '/connexion/verification',
  mfa_enrolment_required: '/espace/compte/double-authentification',
};

/**
 * For pages of the space: the session, or a redirect — to the login page without one, to the second
 * step while it is pending, to the 2FA enrolment for caisse staff without it. `allow` lets the pages of
 * those steps through.
 */
export async function requireSession(options: { allow?: SessionGate[] } = {}): Promise<ValidSession> {
  const session = await getSessionAnyGate();
  if (!session) redirect('/connexion');
  const gate = sessionGate(session);
  if (gate !== 'ok' && !options.allow?.includes(gate)) redirect(gateRedirects[gate]);
  return session;
}

/** Client IP and user agent of the current request (server actions and pages). */
export async function currentRequestInfo(): Promise<{ ip: string; userAgent: string }> {
  return requestInfo(await headers());
}
