import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations } from '@/db/schema';
import { getCurrentSession, requireSession } from '@/lib/auth/current';
import { requestInfo } from '@/lib/auth/request-info';
import type { ValidSession } from '@/lib/auth/sessions';
import { getUserOrganisations } from '@/lib/companies/queries';
import { todayInFrance } from '@/lib/format';
import type { Actor } from './result';
import { authorize, authorizeFirm, getAccessFacts, grantedLevels, type Area, type Level } from './index';

/** Cookie naming the company a user acts for. Only a hint: every request re-reads the rights behind it. */
export const ACTING_FOR_COOKIE = 'espace_acting_for';

type OrgRef = { id: string; name: string; siret: string };
type Membership = OrgRef & { kind: 'company' | 'accounting_firm'; role: 'admin' | 'collaborator' };

export type ActingContext = {
  session: ValidSession;
  /** The organisation the user belongs to (their company, or their accounting firm). */
  home: Membership;
  /** Every organisation the user belongs to. */
  memberships: Membership[];
  /** The company whose space is shown: the user's own company, or the client a firm user switched to. */
  company: (OrgRef & { kind: 'company' }) | null;
  isDelegated: boolean;
  /** A client the firm user had switched to but may no longer act for (revoked, expired): said once, plainly. */
  lostClient: OrgRef | null;
  /** What the user may do in each area of `company`, from the one decision (all null without a company). */
  grants: Record<Area, Level | null>;
};

const noGrants = (): Record<Area, Level | null> => ({ declarations: null, payments: null, leave: null, attestations: null, documents: null, account: null });

const buildContext = cache(async (session: ValidSession, actingFor: string | undefined): Promise<ActingContext | null> => {
  const db = await getDb();
  const memberships = (await getUserOrganisations(db, session.userId)) as Membership[];
  if (!memberships.length) return null;
  // A firm's member lands on the firm's space (its client list); otherwise the first company.
  const home = memberships.find((m) => m.kind === 'accounting_firm') ?? memberships[0]!;
  const base = { session, home, memberships, lostClient: null, grants: noGrants() };

  const cookieId = actingFor && /^[0-9a-f-]{36}$/i.test(actingFor) ? actingFor.toLowerCase() : undefined;
  const today = todayInFrance();
  const ownCompany = async (m: Membership): Promise<ActingContext> => ({
    ...base,
    company: { id: m.id, name: m.name, siret: m.siret, kind: 'company' },
    isDelegated: false,
    grants: grantedLevels(await getAccessFacts(db, session.userId, m.id), today),
  });

  if (cookieId) {
    const own = memberships.find((m) => m.kind === 'company' && m.id === cookieId);
    if (own) return ownCompany(own);
    if (home.kind === 'accounting_firm') {
      const [client] = await db
        .select({ id: organisations.id, name: organisations.name, siret: organisations.siret })
        .from(organisations)
        .where(and(eq(organisations.id, cookieId), eq(organisations.kind, 'company')));
      if (client) {
        // The same decision as every page: a client stays open only while some area is still delegated.
        const facts = await getAccessFacts(db, session.userId, client.id);
        const grants = grantedLevels(facts, today);
        if (Object.values(grants).some(Boolean)) return { ...base, company: { ...client, kind: 'company' }, isDelegated: true, grants };
        // Named only to a firm that had a delegation from it (a cookie left by someone else says nothing).
        return { ...base, company: null, isDelegated: false, lostClient: facts.delegations.length ? client : null };
      }
    }
  }
  if (home.kind === 'company') return ownCompany(home);
  return { ...base, company: null, isDelegated: false };
});

/** For pages of the space: who is acting for which company (redirects to the login page without a session). */
export async function getActingContext(): Promise<ActingContext | null> {
  const session = await requireSession();
  return buildContext(session, (await cookies()).get(ACTING_FOR_COOKIE)?.value);
}

/** Same, without redirecting: for the layout's banner, which also renders on pages that manage their own session. */
export async function peekActingContext(): Promise<ActingContext | null> {
  const session = await getCurrentSession();
  if (!session) return null;
  return buildContext(session, (await cookies()).get(ACTING_FOR_COOKIE)?.value);
}

export type AreaContext = Omit<ActingContext, 'company'> & { company: OrgRef & { kind: 'company' | 'accounting_firm' } };

/**
 * For pages, actions and handlers of the space: the acting context if the actor may do `action` in
 * `area` on the current company; otherwise « not found ». The area « account » of a firm user who is not
 * acting for a client is the firm's own (its users and rights).
 */
export async function requireArea(area: Area, action: Level): Promise<AreaContext> {
  const ctx = await getActingContext();
  if (!ctx) notFound();
  const subject: AreaContext['company'] | null =
    ctx.company ?? (area === 'account' && ctx.home.kind === 'accounting_firm' ? { id: ctx.home.id, name: ctx.home.name, siret: ctx.home.siret, kind: 'accounting_firm' } : null);
  if (!subject) notFound();
  const { ip } = requestInfo(await headers());
  const decision = await authorize(await getDb(), { userId: ctx.session.userId, companyId: subject.id, area, action, ip });
  if (!decision.allowed) notFound();
  return { ...ctx, company: subject };
}

export type FirmContext = ActingContext & { firm: Membership };

/**
 * For the accounting firm's own pages (« Mes clients »): the user must belong to a firm; with
 * `role: 'admin'`, must also be allowed to manage the firm's account (accept delegations, ask for them).
 */
export async function requireFirm(options: { role: 'admin' | 'member' } = { role: 'member' }): Promise<FirmContext> {
  const ctx = await getActingContext();
  if (!ctx) notFound();
  const { ip } = requestInfo(await headers());
  const decision = await authorizeFirm(await getDb(), { userId: ctx.session.userId, role: options.role, ip });
  if (!decision.allowed) notFound();
  return { ...ctx, firm: { ...decision.firm, kind: 'accounting_firm' } };
}

/**
 * Who did it, for whom, from where — for the audit log. A firm acting for a client is recorded as the
 * firm (actor organisation) acting on the client (subject), so the client's history reads « par Cabinet X (Mme Y) ».
 */
export async function auditActor(
  ctx: Pick<ActingContext, 'session' | 'home' | 'memberships'>,
  subjectOrganisationId: string,
): Promise<Actor & { subjectOrganisationId: string }> {
  const { ip, userAgent } = requestInfo(await headers());
  const memberOfSubject = ctx.memberships.some((m) => m.id === subjectOrganisationId);
  return {
    actorUserId: ctx.session.userId,
    actorOrganisationId: memberOfSubject ? subjectOrganisationId : ctx.home.id,
    subjectOrganisationId,
    ip,
    userAgent,
  };
}
