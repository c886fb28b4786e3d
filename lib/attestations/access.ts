import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organisationMembers, organisations } from '@/db/schema';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AttestationAction = 'read' | 'write';

/**
 * May this user see (read) or issue (write) the attestations of this company? The one authorization
 * decision of the attestation area: pages, route handlers and queries all go through it.
 * For now: the user is a member of that company, whatever the role. The access-rights issue replaces
 * this body (rights per area, delegation to an accounting firm) without changing the signature.
 */
export async function canActOnAttestations(db: Db, userId: string, companyId: string, action: AttestationAction): Promise<boolean> {
  void action;
  if (!uuidPattern.test(userId) || !uuidPattern.test(companyId)) return false;
  const [row] = await db
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.organisationId, companyId), eq(organisations.kind, 'company')));
  return Boolean(row);
}
