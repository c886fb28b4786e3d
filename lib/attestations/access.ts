import 'server-only';
import type { Db } from '@/db/client';
import { authorize } from '@/lib/access';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AttestationAction = 'read' | 'write';

/**
 * May this user see (read) or issue (write) the attestations of this company? Delegates to the one
 * authorization decision (lib/access): members with the right, or a firm with an active delegation
 * covering « attestations ».
 */
export async function canActOnAttestations(db: Db, userId: string, companyId: string, action: AttestationAction): Promise<boolean> {
  if (!uuidPattern.test(userId) || !uuidPattern.test(companyId)) return false;
  return (await authorize(db, { userId, companyId, area: 'attestations', action })).allowed;
}
