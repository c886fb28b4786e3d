import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { delegations, organisationMembers, organisations, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { todayInFrance } from '@/lib/format';
import { decideAccess, grantedLevels, type AccessFacts, type Area, type AreaGrants, type Decision, type Level } from './rules';

export * from './rules';

/** Reads from the database everything the rule needs about (user, company). */
export async function getAccessFacts(db: Db, userId: string, companyId: string): Promise<AccessFacts> {
  // The three reads are independent: one round trip of waiting instead of three (every page of the space
  // and every download asks this).
  const [[userRow], [member], firmRows] = await Promise.all([
    db.select({ status: users.status }).from(users).where(eq(users.id, userId)),
    db
      .select({ role: organisationMembers.role, rights: organisationMembers.rights })
      .from(organisationMembers)
      .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.organisationId, companyId))),
    db
      .select({ id: organisationMembers.organisationId })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
      .where(and(eq(organisationMembers.userId, userId), eq(organisations.kind, 'accounting_firm'))),
  ]);
  const firmIds = firmRows.map((r) => r.id);
  const delegationRows = firmIds.length
    ? await db
        .select({ firmId: delegations.firmId, status: delegations.status, areas: delegations.areas, endsOn: delegations.endsOn })
        .from(delegations)
        .where(and(eq(delegations.companyId, companyId), inArray(delegations.firmId, firmIds)))
    : [];
  return {
    isUserActive: userRow?.status === 'active',
    membership: member ? { role: member.role, rights: member.rights as AreaGrants } : null,
    delegations: delegationRows.map((d) => ({ status: d.status, areas: d.areas, endsOn: d.endsOn })),
    actorFirmId: member ? null : (delegationRows.find((d) => d.status === 'active')?.firmId ?? delegationRows[0]?.firmId ?? null),
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
      // A firm's attempt shows in the company's history as « par Cabinet X (Mme Y) ».
      actorOrganisationId: facts.membership ? request.companyId : (facts.actorFirmId ?? null),
      subjectOrganisationId: facts.membership || facts.delegations.length ? request.companyId : null,
      ip: request.ip ?? null,
      details: { reason: decision.reason, companyId: request.companyId },
    });
  }
  return decision;
}

/**
 * May a firm user open this client's space at all (some area still delegated, today)? Asked before the
 * « acting for » cookie is set; every later request asks again through getActingContext/authorize.
 * A refusal is audited like any other.
 */
export async function canActFor(db: Db, request: { userId: string; companyId: string; now?: Date; ip?: string | null }): Promise<boolean> {
  const facts = await getAccessFacts(db, request.userId, request.companyId);
  const grants = grantedLevels(facts, todayInFrance(request.now));
  if (Object.values(grants).some(Boolean)) return true;
  await recordAudit(db, {
    action: 'access.act_for',
    outcome: 'denied',
    actorUserId: request.userId,
    actorOrganisationId: facts.actorFirmId ?? null,
    subjectOrganisationId: facts.membership || facts.delegations.length ? request.companyId : null,
    ip: request.ip ?? null,
    details: { companyId: request.companyId },
  });
  return false;
}

export type FirmDecision =
  | { allowed: true; firm: { id: string; name: string; siret: string; role: 'admin' | 'collaborator' } }
  | { allowed: false };

/**
 * The accounting firm's own pages: is the user a member of a firm (« Mes clients »), and with
 * `role: 'admin'`, may they commit the firm (accept or ask for delegations) — the firm's « account » area.
 */
export async function authorizeFirm(db: Db, request: { userId: string; role: 'admin' | 'member'; ip?: string | null }): Promise<FirmDecision> {
  const [firm] = await db
    .select({ id: organisations.id, name: organisations.name, siret: organisations.siret, role: organisationMembers.role, status: users.status })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(and(eq(organisationMembers.userId, request.userId), eq(organisations.kind, 'accounting_firm')))
    .orderBy(organisations.name)
    .limit(1);
  if (!firm || firm.status !== 'active') return { allowed: false };
  if (request.role === 'admin') {
    const decision = await authorize(db, { userId: request.userId, companyId: firm.id, area: 'account', action: 'write', ip: request.ip });
    if (!decision.allowed) return { allowed: false };
  }
  return { allowed: true, firm: { id: firm.id, name: firm.name, siret: firm.siret, role: firm.role } };
}
