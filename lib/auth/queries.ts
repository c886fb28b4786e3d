import 'server-only';
import type { Db } from '@/db/client';
import { listUserAudit } from '@/lib/audit';
import { listActiveSessions, type SessionPolicy } from './sessions';
import { getTwoFactorStatus } from './two-factor';

/** Everything « Mon compte » shows, read in one go. */
export async function getAccountOverview(db: Db, userId: string, policy: SessionPolicy) {
  const [twoFactor, sessions, history] = await Promise.all([
    getTwoFactorStatus(db, userId),
    listActiveSessions(db, userId, policy),
    listUserAudit(db, userId, 30),
  ]);
  return { twoFactor, sessions, history };
}
