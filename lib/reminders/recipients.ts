import 'server-only';
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { delegations, organisationMembers, users } from '@/db/schema';
import type { DelegableArea } from '@/lib/access/rules';

/**
 * Who hears about an area's reminders, per company: its active administrators and collaborators with a
 * right (read or write) on the area, and the active members of every firm whose live delegation (active,
 * not ended at `today`) covers the area. E-mails lower-cased, de-duplicated and sorted. Two queries for
 * any number of companies.
 */
export async function getAreaRecipients(db: Db, companyIds: readonly string[], area: DelegableArea, today: string): Promise<Map<string, string[]>> {
  if (!companyIds.length) return new Map();
  const ids = [...companyIds];
  const [members, firmMembers] = await Promise.all([
    db
      .select({ companyId: organisationMembers.organisationId, email: users.email })
      .from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .where(
        and(
          inArray(organisationMembers.organisationId, ids),
          eq(users.status, 'active'),
          or(eq(organisationMembers.role, 'admin'), sql`(${organisationMembers.rights} ->> ${area}) is not null`),
        ),
      ),
    db
      .select({ companyId: delegations.companyId, email: users.email })
      .from(delegations)
      .innerJoin(organisationMembers, eq(organisationMembers.organisationId, delegations.firmId))
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .where(
        and(
          inArray(delegations.companyId, ids),
          eq(delegations.status, 'active'),
          or(isNull(delegations.endsOn), gte(delegations.endsOn, today)),
          sql`(${delegations.areas} ->> ${area}) is not null`,
          eq(users.status, 'active'),
        ),
      ),
  ]);
  const out = new Map<string, Set<string>>();
  for (const r of [...members, ...firmMembers]) out.set(r.companyId, (out.get(r.companyId) ?? new Set()).add(r.email.toLowerCase()));
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}
