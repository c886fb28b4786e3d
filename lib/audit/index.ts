import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditEntry = {
  action: string;
  outcome: (typeof auditLog.$inferInsert)['outcome'];
  actorUserId?: string | null;
  actorOrganisationId?: string | null;
  subjectOrganisationId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** Never put secrets here (passwords, codes, tokens). */
  details?: Record<string, unknown>;
};

/** The audit_log row of an entry (for a caller that writes it inside a larger statement). */
export function auditRow(entry: AuditEntry): typeof auditLog.$inferInsert {
  return { ...entry, userAgent: entry.userAgent?.slice(0, 300) ?? null, details: entry.details ?? {} };
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(auditRow(entry));
}

/** « Historique de connexion »: a user's own entries, newest first. */
export async function listUserAudit(db: Db, userId: string, limit = 50) {
  return db.select().from(auditLog).where(eq(auditLog.actorUserId, userId)).orderBy(desc(auditLog.occurredAt)).limit(limit);
}

export async function listOrganisationAudit(db: Db, organisationId: string, limit = 100) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectOrganisationId, organisationId)))
    .orderBy(desc(auditLog.occurredAt))
    .limit(limit);
}
