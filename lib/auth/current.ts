import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getEnv } from '@/lib/env';
import { auth } from './auth';
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
  const session = await auth();
  return validateSession(await getDb(), session?.sid, getSessionPolicy());
});

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
