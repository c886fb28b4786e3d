'use server';

import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit';
import { signOut } from '@/lib/auth/auth';
import { currentRequestInfo, getSessionAnyGate } from '@/lib/auth/current';
import { revokeSession } from '@/lib/auth/sessions';

/**
 * « Se déconnecter » (also « Annuler et se déconnecter » at the second sign-in step): the session row is
 * revoked first, so the cookie is worthless even if kept.
 */
export async function logoutAction(): Promise<void> {
  const session = await getSessionAnyGate();
  if (session) {
    const db = await getDb();
    const { ip, userAgent } = await currentRequestInfo();
    await revokeSession(db, session.sessionId, 'logout');
    await recordAudit(db, { action: 'sign_out', outcome: 'success', actorUserId: session.userId, ip, userAgent });
  }
  await signOut({ redirectTo: '/connexion' });
}
