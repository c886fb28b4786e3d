import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organisations, sepaDebitSuspensions, sepaMandates } from '@/db/schema';
import { getEnv } from '@/lib/env';

export type DebitState = {
  /** The active mandate, if any. */
  mandate: { id: string; rum: string; iban: string; bic: string; createdAt: Date } | null;
  /** Automatic debit switched off after a rejection, and why (until the caisse switches it back on). */
  suspension: { reason: string; suspendedAt: Date } | null;
  /** Direct debit at each due date: an active mandate and no suspension. */
  isDebitActive: boolean;
  membershipNumber: string | null;
};

export async function getDebitState(db: Db, companyId: string): Promise<DebitState> {
  const [row] = await db
    .select({
      membershipNumber: organisations.membershipNumber,
      mandateId: sepaMandates.id,
      rum: sepaMandates.rum,
      iban: sepaMandates.iban,
      bic: sepaMandates.bic,
      mandateCreatedAt: sepaMandates.createdAt,
      reason: sepaDebitSuspensions.reason,
      suspendedAt: sepaDebitSuspensions.suspendedAt,
    })
    .from(organisations)
    .leftJoin(sepaMandates, and(eq(sepaMandates.companyId, organisations.id), eq(sepaMandates.status, 'active')))
    .leftJoin(sepaDebitSuspensions, and(eq(sepaDebitSuspensions.companyId, organisations.id), isNull(sepaDebitSuspensions.liftedAt)))
    .where(and(eq(organisations.id, companyId), eq(organisations.kind, 'company')));
  const mandate = row?.mandateId ? { id: row.mandateId, rum: row.rum!, iban: row.iban!, bic: row.bic!, createdAt: row.mandateCreatedAt! } : null;
  const suspension = row?.reason ? { reason: row.reason, suspendedAt: row.suspendedAt! } : null;
  return { mandate, suspension, isDebitActive: Boolean(mandate && !suspension), membershipNumber: row?.membershipNumber ?? null };
}

export async function getMandate(db: Db, companyId: string, mandateId: string) {
  const [row] = await db
    .select()
    .from(sepaMandates)
    .where(and(eq(sepaMandates.id, mandateId), eq(sepaMandates.companyId, companyId)));
  return row ?? null;
}

/** The caisse's account for « Payer par virement » and its creditor identifier (configuration). */
export function getCaisseBankDetails() {
  const env = getEnv();
  return { iban: env.caisseIban, bic: env.caisseBic, creditorId: env.sepaCreditorId };
}
