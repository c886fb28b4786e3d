import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organisations } from '@/db/schema';

export type UpToDateReason = { kind: 'declaration_missing' | 'amount_unpaid'; label: string; href?: string };
export type UpToDateStatus = { upToDate: true } | { upToDate: false; reasons: UpToDateReason[] };

/**
 * Is this company up to date with its declarations and payments at `at`? The attestation rests on
 * this one decision. For now it reads the placeholder column organisations.is_up_to_date; the dossier
 * issue (declarations, contributions, payments) replaces this body with the real computation and the
 * list of what is missing (each reason with a link to fix it). `at` is unused until then.
 */
export async function getUpToDateStatus(db: Db, companyId: string, at: Date): Promise<UpToDateStatus> {
  void at;
  const [row] = await db
    .select({ isUpToDate: organisations.isUpToDate })
    .from(organisations)
    .where(and(eq(organisations.id, companyId), eq(organisations.kind, 'company')));
  if (!row) return { upToDate: false, reasons: [] };
  if (row.isUpToDate) return { upToDate: true };
  return { upToDate: false, reasons: [{ kind: 'amount_unpaid', label: 'Une cotisation échue reste impayée' }] };
}
