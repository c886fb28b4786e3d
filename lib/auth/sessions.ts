import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions, users, userTotp } from '@/db/schema';

export type SessionPolicy = { idleMinutes: number; maxHours: number };

export async function createSession(
  db: Db,
  input: { userId: string; ip?: string | null; userAgent?: string | null; isMfaVerified?: boolean; now?: Date },
  policy: SessionPolicy,
): Promise<string> {
  const now = input.now ?? new Date();
  const [row] = await db
    .insert(sessions)
    .values({
      userId: input.userId,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      isMfaVerified: input.isMfaVerified ?? false,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.maxHours * 3_600_000),
    })
    .returning({ id: sessions.id });
  return row!.id;
}

export type ValidSession = {
  sessionId: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  isCaisseStaff: boolean;
  isMfaVerified: boolean;
  /** The user has switched two-factor authentication on (a confirmed TOTP secret). */
  hasTotp: boolean;
};

/**
 * What a valid session may do. `ok`: everything. `mfa_pending`: the password was right but the second
 * factor is still to be given (/connexion/verification). `mfa_enrolment_required`: a caisse staff
 * account without two-factor authentication, which must switch it on before anything else.
 */
export type SessionGate = 'ok' | 'mfa_pending' | 'mfa_enrolment_required';

export function sessionGate(session: Pick<ValidSession, 'hasTotp' | 'isMfaVerified' | 'isCaisseStaff'>): SessionGate {
  if (session.hasTotp) return session.isMfaVerified ? 'ok' : 'mfa_pending';
  return session.isCaisseStaff ? 'mfa_enrolment_required' : 'ok';
}

/**
 * The check behind every page, action and handler of the space: the session row exists, is neither
 * revoked nor past its absolute or idle limit, and its user is active. Touches last_seen_at (at most
 * once a minute, to spare writes).
 */
export async function validateSession(db: Db, sessionId: string | undefined, policy: SessionPolicy, now = new Date()): Promise<ValidSession | null> {
  if (!sessionId || !/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [row] = await db
    .select({
      sessionId: sessions.id,
      userId: sessions.userId,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      isMfaVerified: sessions.isMfaVerified,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      status: users.status,
      isCaisseStaff: users.isCaisseStaff,
      totpEnabledAt: userTotp.enabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userTotp, eq(userTotp.userId, sessions.userId))
    .where(eq(sessions.id, sessionId));
  if (!row || row.revokedAt || row.status !== 'active') return null;
  if (row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > policy.idleMinutes * 60_000) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    isCaisseStaff: row.isCaisseStaff,
    isMfaVerified: row.isMfaVerified,
    hasTotp: Boolean(row.totpEnabledAt),
  };
}

/** The second factor was given for this session: it becomes fully usable. */
export async function markSessionMfaVerified(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ isMfaVerified: true }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export type ActiveSession = { id: string; createdAt: Date; lastSeenAt: Date; ip: string | null; userAgent: string | null; isMfaVerified: boolean };

/** A user's sessions still usable now (not revoked, before their absolute and idle limits), newest activity first. */
export async function listActiveSessions(db: Db, userId: string, policy: SessionPolicy, now = new Date()): Promise<ActiveSession[]> {
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      isMfaVerified: sessions.isMfaVerified,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - policy.idleMinutes * 60_000)),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows;
}

export async function revokeSession(db: Db, sessionId: string, reason: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date(), revokedReason: reason }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revokes every session of a user, or every one but `exceptSessionId`. Returns how many were open. */
export async function revokeUserSessions(db: Db, userId: string, reason: string, exceptSessionId?: string): Promise<number> {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (exceptSessionId) conditions.push(ne(sessions.id, exceptSessionId));
  const revoked = await db.update(sessions).set({ revokedAt: new Date(), revokedReason: reason }).where(and(...conditions)).returning({ id: sessions.id });
  return revoked.length;
}
