import 'server-only';
import type { Db } from '@/db/client';
import { formatDayShort, formatEuros, todayInFrance } from '@/lib/format';
import { ofPeriod, periodSlug } from '@/lib/payments/rules';
import { getAccountStatement, getAccountStatements, type AccountStatement } from '@/lib/payments/statement';

export type UpToDateReason = { kind: 'declaration_missing' | 'amount_unpaid'; label: string; href?: string };
export type UpToDateStatus = { upToDate: true } | { upToDate: false; reasons: UpToDateReason[] };

/** What is missing, from a relevé de compte (the dashboard, which already has one, asks this directly). */
export function upToDateStatusOf(statement: Pick<AccountStatement, 'months' | 'missingDeclarations'>): UpToDateStatus {
  const reasons: UpToDateReason[] = [];
  for (const m of statement.missingDeclarations)
    reasons.push({
      kind: 'declaration_missing',
      label: `Déclaration ${ofPeriod(m.period)} non envoyée (date limite : ${formatDayShort(m.deadline)})`,
      href: `/espace/declarations/${periodSlug(m.period)}`,
    });
  for (const m of [...statement.months].filter((x) => x.isOverdue).sort((a, b) => (a.period < b.period ? -1 : 1)))
    reasons.push({
      kind: 'amount_unpaid',
      label: `Cotisation ${ofPeriod(m.period)} impayée : ${formatEuros(m.balanceCents)} à régler (échéance du ${formatDayShort(m.dueOn)})`,
      href: '/espace/paiements',
    });
  return reasons.length ? { upToDate: false, reasons } : { upToDate: true };
}

/**
 * Is this company up to date with its declarations and payments at `at` (its calendar day in France),
 * and if not, exactly why: months whose declaration deadline passed without a sent declaration, and
 * months whose contribution (with its late penalties) is still unpaid after its due date. The
 * attestation rests on this one decision. Reads the relevé de compte (two queries; the terms are cached).
 * Callers check that `companyId` is a member company the actor may see.
 */
export async function getUpToDateStatus(db: Db, companyId: string, at: Date): Promise<UpToDateStatus> {
  return upToDateStatusOf(await getAccountStatement(db, companyId, todayInFrance(at)));
}

/** The same decision for many companies at once, in the same number of queries (« Mes clients »). */
export async function getUpToDateStatuses(db: Db, companyIds: readonly string[], at: Date): Promise<Map<string, UpToDateStatus>> {
  const statements = await getAccountStatements(db, companyIds, todayInFrance(at));
  return new Map([...statements].map(([id, statement]) => [id, upToDateStatusOf(statement)]));
}
