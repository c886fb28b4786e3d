import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { delegations, organisationMembers, organisations, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { todayInFrance } from '@/lib/format';
import { decideAccess, type AccessFacts, type Area, type AreaGrants, type Decision, type Level } from './rules';

export * from './rules';

/** Reads from the database everything the rule needs about (user, company). */
export async function getAccessFacts(db: Db, userId: string, companyId: string): Promise<AccessFacts> {
  const [userRow] = await db.select({ status: users.status }).from(users).where(eq(users.id, userId));
  const [member] = await db
    .select({ role: organisationMembers.role, rights: organisationMembers.rights })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.organisationId, companyId)));
  const firmIds = (
    await db
      .select({ id: organisationMembers.organisationId })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
      .where(and(eq(organisationMembers.userId, userId), eq(organisations.kind, 'accounting_firm')))
  ).map((r) => r.id);
  const delegationRows = firmIds.length
    ? await db
        .select({ status: delegations.status, areas: delegations.areas, endsOn: delegations.endsOn })
        .from(delegations)
        .where(and(eq(delegations.companyId, companyId), inArray(delegations.firmId, firmIds)))
    : [];
  return {
    isUserActive: userRow?.status === 'active',
    membership: member ? { role: member.role, rights: member.rights as AreaGrants } : null,
    delegations: delegationRows.map((d) => ({ status: d.status, areas: d.areas, endsOn: d.endsOn })),
  };
}

export type AccessRequest = { userId: string; companyId: string; area: Area; action: Level; now?: Date; ip?: string | null };

/**
 * THE authorization decision. A denial is audited; callers answer it as « not found » (404), never 403,
 * so that an id belonging to someone else does not confirm it exists.
 */
export async function authorize(db: Db, request: AccessRequest): Promise<Decision> {
  const facts = await getAccessFacts(db, request.userId, request.companyId);
  const decision = decideAccess(facts, request.area, request.action, todayInFrance(request.now));
  if (!decision.allowed) {
    await recordAudit(db, {
      action: `access.${request.area}.${request.action}`,
      outcome: 'denied',
      actorUserId: request.userId,
      subjectOrganisationId: facts.membership || facts.delegations.length ? request.companyId : null,
      ip: request.ip ?? null,
      details: { reason: decision.reason, companyId: request.companyId },
    });
  }
  return decision;
}
