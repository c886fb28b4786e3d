'use server';

import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit';
import { signOut } from '@/lib/auth/auth';
import { getCurrentSession } from '@/lib/auth/current';
import { revokeSession } from '@/lib/auth/sessions';

/** « Se déconnecter »: the session row is revoked first, so the cookie is worthless even if kept. */
export async function logoutAction(): Promise<void> {
  const session = await getCurrentSession();
  if (session) {
    const db = await getDb();
    await revokeSession(db, session.sessionId, 'logout');
    await recordAudit(db, { action: 'sign_out', outcome: 'success', actorUserId: session.userId });
  }
  await signOut({ redirectTo: '/connexion' });
}
