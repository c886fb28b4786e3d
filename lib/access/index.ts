import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { delegations, organisationMembers, organisations, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { todayInFrance } from '@/lib/format';
import { decideAccess, grantedLevels, type AccessFacts, type Area, type AreaGrants, type Decision, type DelegationFacts, type Level, type Membership } from './rules';

export * from './rules';

/**
 * Reads from the database everything the rule needs about (user, company), in ONE statement: every page
 * of the space and every download asks this, and three reads (four for a firm's user) were three
 * round trips and three pool connections per request.
 */
export async function getAccessFacts(db: Db, userId: string, companyId: string): Promise<AccessFacts> {
  const result = (await db.execute(sql`
    select
      (select ${users.status} from ${users} where ${users.id} = ${userId}) as user_status,
      (select json_build_object('role', m.role, 'rights', m.rights) from ${organisationMembers} m
        where m.user_id = ${userId} and m.organisation_id = ${companyId}) as membership,
      coalesce((
        select json_agg(json_build_object('firmId', d.firm_id, 'status', d.status, 'areas', d.areas, 'endsOn', d.ends_on) order by d.firm_id)
        from ${delegations} d
        join ${organisationMembers} fm on fm.organisation_id = d.firm_id and fm.user_id = ${userId}
        join ${organisations} o on o.id = fm.organisation_id and o.kind = 'accounting_firm'
        where d.company_id = ${companyId}
      ), '[]'::json) as delegations`)) as unknown;
  type Raw = {
    user_status: string | null;
    membership: { role: Membership['role']; rights: AreaGrants } | string | null;
    delegations: { firmId: string; status: DelegationFacts['status']; areas: AreaGrants; endsOn: string | null }[] | string;
  };
  const row = rowsOf<Raw>(result)[0]!;
  // json comes back parsed from postgres.js and PGlite alike; a string would be a driver set up otherwise.
  const membership = typeof row.membership === 'string' ? (JSON.parse(row.membership) as Exclude<Raw['membership'], string>) : row.membership;
  const delegationRows = typeof row.delegations === 'string' ? (JSON.parse(row.delegations) as Exclude<Raw['delegations'], string>) : row.delegations;
  return {
    isUserActive: row.user_status === 'active',
    membership: membership ? { role: membership.role, rights: membership.rights } : null,
    delegations: delegationRows.map((d) => ({ status: d.status, areas: d.areas, endsOn: d.endsOn })),
    actorFirmId: membership ? null : (delegationRows.find((d) => d.status === 'active')?.firmId ?? delegationRows[0]?.firmId ?? null),
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
