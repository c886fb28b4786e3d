import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organisationMembers, organisations } from '@/db/schema';

/** The organisations (companies or firms) a user belongs to, with their role. */
export async function getUserOrganisations(db: Db, userId: string) {
  return db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      siret: organisations.siret,
      role: organisationMembers.role,
    })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(asc(organisations.name));
}

export async function getUserOrganisation(db: Db, userId: string, organisationId: string) {
  const [row] = await db
    .select({ id: organisations.id, kind: organisations.kind, name: organisations.name, siret: organisations.siret, role: organisationMembers.role })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.organisationId, organisationId)));
  return row ?? null;
}
