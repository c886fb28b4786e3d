import { and, asc, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { auditLog, authTokens, organisationMembers, organisations, users } from '@/db/schema';
import type { AreaGrants } from './rules';

// Reads of « Gérer les droits d’accès » and « Historique ». Callers have passed lib/access first;
// every query is scoped by the organisation it was authorized for.

export type MemberRow = {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  status: 'pending' | 'active' | 'disabled';
  role: 'admin' | 'collaborator';
  rights: AreaGrants;
  since: Date;
};

export async function listOrganisationMembers(db: Db, organisationId: string): Promise<MemberRow[]> {
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      status: users.status,
      role: organisationMembers.role,
      rights: organisationMembers.rights,
      since: organisationMembers.createdAt,
    })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(asc(organisationMembers.role), asc(users.lastName), asc(users.email));
  return rows.map((r) => ({ ...r, rights: r.rights as AreaGrants }));
}

export async function getOrganisationMember(db: Db, organisationId: string, userId: string): Promise<MemberRow | null> {
  const rows = await listOrganisationMembers(db, organisationId);
  return rows.find((r) => r.userId === userId) ?? null;
}

export type InvitationPayload = { email: string; role: 'admin' | 'collaborator'; rights: AreaGrants; firstName?: string; lastName?: string; invitedByUserId?: string };

export async function listPendingInvitations(db: Db, organisationId: string, now = new Date()) {
  const rows = await db
    .select({ id: authTokens.id, payload: authTokens.payload, expiresAt: authTokens.expiresAt, createdAt: authTokens.createdAt })
    .from(authTokens)
    .where(and(eq(authTokens.organisationId, organisationId), eq(authTokens.kind, 'invitation'), isNull(authTokens.consumedAt), gt(authTokens.expiresAt, now)))
    .orderBy(desc(authTokens.createdAt));
  return rows.map((r) => ({ ...r, payload: r.payload as InvitationPayload }));
}

export async function getOrganisation(db: Db, organisationId: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  return row ?? null;
}

const HISTORY_PAGE_SIZE = 30;

/**
 * « Historique »: everything done in the company's name (audit entries whose subject is the company),
 * newest first, with who did it and, for a firm, which firm.
 */
export async function listCompanyHistory(db: Db, companyId: string, options: { page?: number } = {}) {
  const page = Math.max(1, options.page ?? 1);
  const actorOrg = alias(organisations, 'actor_org');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        occurredAt: auditLog.occurredAt,
        action: auditLog.action,
        outcome: auditLog.outcome,
        details: auditLog.details,
        ip: auditLog.ip,
        actorFirstName: users.firstName,
        actorLastName: users.lastName,
        actorCivility: users.civility,
        actorEmail: users.email,
        actorOrganisationId: auditLog.actorOrganisationId,
        actorOrganisationName: actorOrg.name,
        actorOrganisationKind: actorOrg.kind,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(actorOrg, eq(actorOrg.id, auditLog.actorOrganisationId))
      .where(eq(auditLog.subjectOrganisationId, companyId))
      .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
      .limit(HISTORY_PAGE_SIZE)
      .offset((page - 1) * HISTORY_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(eq(auditLog.subjectOrganisationId, companyId)),
  ]);
  return { rows, total: total?.n ?? 0, page, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / HISTORY_PAGE_SIZE)) };
}

/** The emails to write to on behalf of an organisation: its active administrators, else its contact address. */
export async function getOrganisationRecipients(db: Db, organisationId: string): Promise<string[]> {
  const admins = await db
    .select({ email: users.email })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.role, 'admin'), eq(users.status, 'active')));
  if (admins.length) return [...new Set(admins.map((a) => a.email))];
  const [org] = await db.select({ contactEmail: organisations.contactEmail }).from(organisations).where(eq(organisations.id, organisationId));
  return org?.contactEmail ? [org.contactEmail.toLowerCase()] : [];
}

export async function countAdmins(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.role, 'admin')));
  return row?.n ?? 0;
}
