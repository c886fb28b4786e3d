import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getEnv } from '@/lib/env';
import { auth } from './auth';
import { validateSession, type ValidSession } from './sessions';

/** The signed-in user of this request, checked against the sessions table (once per request). */
export const getCurrentSession = cache(async (): Promise<ValidSession | null> => {
  const env = getEnv();
  const session = await auth();
  return validateSession(await getDb(), session?.sid, { idleMinutes: env.sessionIdleMinutes, maxHours: env.sessionMaxHours });
});

/** For pages of the space: the session, or a redirect to the login page. */
export async function requireSession(): Promise<ValidSession> {
  const session = await getCurrentSession();
  if (!session) redirect('/connexion');
  return session;
}
