import 'server-only';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations } from '@/db/schema';
import { requireSession } from '@/lib/auth/current';
import type { ValidSession } from '@/lib/auth/sessions';
import { getUserOrganisations } from '@/lib/companies/queries';
import { authorize, type Area, type Level } from './index';

/** Cookie naming the client company a firm user is acting for. Only a hint: every use re-checks the delegation. */
export const ACTING_FOR_COOKIE = 'espace_acting_for';

export type ActingContext = {
  session: ValidSession;
  /** The organisation the user belongs to (their company, or their accounting firm). */
  home: { id: string; name: string; siret: string; kind: 'company' | 'accounting_firm'; role: 'admin' | 'collaborator' };
  /** The company whose space is shown: the user's own company, or the client a firm user switched to. */
  company: { id: string; name: string; siret: string } | null;
  isDelegated: boolean;
};

export async function getActingContext(): Promise<ActingContext | null> {
  const session = await requireSession();
  const db = await getDb();
  const orgs = await getUserOrganisations(db, session.userId);
  const home = orgs[0];
  if (!home) return null;
  if (home.kind === 'company') return { session, home, company: { id: home.id, name: home.name, siret: home.siret }, isDelegated: false };
  const actingFor = (await cookies()).get(ACTING_FOR_COOKIE)?.value;
  if (!actingFor || !/^[0-9a-f-]{36}$/i.test(actingFor)) return { session, home, company: null, isDelegated: false };
  const [client] = await db
    .select({ id: organisations.id, name: organisations.name, siret: organisations.siret })
    .from(organisations)
    .where(and(eq(organisations.id, actingFor), eq(organisations.kind, 'company')));
  return { session, home, company: client ?? null, isDelegated: Boolean(client) };
}

/**
 * For pages, actions and handlers of the space: the acting context if the actor may do `action` in
 * `area` on the current company; otherwise « not found ».
 */
export async function requireArea(area: Area, action: Level): Promise<ActingContext & { company: NonNullable<ActingContext['company']> }> {
  const ctx = await getActingContext();
  if (!ctx?.company) notFound();
  const decision = await authorize(await getDb(), { userId: ctx.session.userId, companyId: ctx.company.id, area, action });
  if (!decision.allowed) notFound();
  return ctx as ActingContext & { company: NonNullable<ActingContext['company']> };
}
