import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contributionTerms, declarations, payments } from '@/db/schema';
import { contributionDueOn, effectiveDeclarations, missingDeclarationPeriods, monthAccount, termsFor, type ContributionTerms, type MonthAccount, type PaymentFact, type SentDeclaration } from './rules';

// The relevé de compte: every declared month with its contribution, due date, payments, penalties and
// balance at `today`. Three small queries run together (terms, sent declarations, payments), the rest is
// the pure rules, so the page, the PDF, the dashboard and the "à jour" status all agree.

export type AccountStatement = {
  today: string;
  /** Most recent month first. */
  months: MonthAccount[];
  /** Payments for a month with no sent declaration (should not happen; shown rather than lost). */
  unmatchedPayments: PaymentFact[];
  totals: { dueCents: number; penaltyCents: number; receivedCents: number; announcedCents: number; balanceCents: number; overdueCents: number };
  /** The next due date with something left to pay (today or later). */
  nextDue: { period: string; dueOn: string; balanceCents: number } | null;
  /** Months whose declaration deadline passed without a sent declaration. */
  missingDeclarations: { period: string; deadline: string }[];
};

let termsCache: { rows: ContributionTerms[]; at: number; db: Db } | null = null;

/** The terms table is tiny and changes a few times a decade: read once a minute per process and database. */
export async function getContributionTerms(db: Db): Promise<ContributionTerms[]> {
  if (termsCache && termsCache.db === db && Date.now() - termsCache.at < 60_000) return termsCache.rows;
  const rows = await db
    .select({
      effectiveFrom: contributionTerms.effectiveFrom,
      paymentDelayDays: contributionTerms.paymentDelayDays,
      declarationDelayDays: contributionTerms.declarationDelayDays,
      penaltyBasisPointsPerMonth: contributionTerms.penaltyBasisPointsPerMonth,
      reminderDaysBefore: contributionTerms.reminderDaysBefore,
    })
    .from(contributionTerms)
    .orderBy(asc(contributionTerms.effectiveFrom));
  termsCache = { rows, at: Date.now(), db };
  return rows;
}

/** Due date of a declared month's contribution under the terms in force (data, not code). */
export async function getContributionDueOn(db: Db, period: string): Promise<string> {
  const terms = termsFor(await getContributionTerms(db), period);
  if (!terms) throw new Error(`no contribution terms in force for ${period}`);
  return contributionDueOn(period, terms);
}

/** Tests that edit the terms call this. */
export function forgetContributionTerms(): void {
  termsCache = null;
}

const sentColumns = {
  companyId: declarations.companyId,
  id: declarations.id,
  period: declarations.period,
  number: declarations.number,
  kind: declarations.kind,
  sentAt: declarations.sentAt,
  totalContributionCents: declarations.totalContributionCents,
};
const paymentColumns = {
  companyId: payments.companyId,
  id: payments.id,
  period: payments.period,
  amountCents: payments.amountCents,
  method: payments.method,
  status: payments.status,
  reference: payments.reference,
  announcedAt: payments.announcedAt,
  receivedOn: payments.receivedOn,
  rejectedOn: payments.rejectedOn,
  rejectionReason: payments.rejectionReason,
  createdAt: payments.createdAt,
};
type SentRow = Omit<SentDeclaration, 'sentAt'> & { companyId: string; sentAt: Date | null };
type PaymentRow = PaymentFact & { companyId: string; createdAt: Date };

function buildStatement(terms: readonly ContributionTerms[], sent: readonly SentRow[], paid: readonly PaymentRow[], today: string): AccountStatement {
  const byPeriod = effectiveDeclarations(sent.filter((d) => d.sentAt !== null).map((d) => ({ ...d, sentAt: d.sentAt! })));
  const paymentsByPeriod = new Map<string, PaymentFact[]>();
  for (const p of [...paid].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const list = paymentsByPeriod.get(p.period) ?? [];
    list.push(p);
    paymentsByPeriod.set(p.period, list);
  }

  const months: MonthAccount[] = [];
  for (const [period, declaration] of byPeriod) {
    const t = termsFor(terms, period);
    if (!t) continue;
    months.push(monthAccount({ declaration, payments: paymentsByPeriod.get(period) ?? [], terms: t, today }));
  }
  months.sort((a, b) => (a.period < b.period ? 1 : -1));

  const totals = { dueCents: 0, penaltyCents: 0, receivedCents: 0, announcedCents: 0, balanceCents: 0, overdueCents: 0 };
  for (const m of months) {
    totals.dueCents += m.dueCents;
    totals.penaltyCents += m.penaltyCents;
    totals.receivedCents += m.receivedCents;
    totals.announcedCents += m.announcedCents;
    totals.balanceCents += m.balanceCents;
    if (m.isOverdue) totals.overdueCents += m.balanceCents;
  }
  const upcoming = months.filter((m) => m.balanceCents > 0 && m.dueOn >= today).sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))[0];
  const periods = [...byPeriod.keys()].sort();

  return {
    today,
    months,
    unmatchedPayments: paid.filter((p) => !byPeriod.has(p.period)),
    totals,
    nextDue: upcoming ? { period: upcoming.period, dueOn: upcoming.dueOn, balanceCents: upcoming.balanceCents } : null,
    missingDeclarations: missingDeclarationPeriods({ declaredPeriods: new Set(periods), firstPeriod: periods[0] ?? null, terms, today }),
  };
}

export async function getAccountStatement(db: Db, companyId: string, today: string): Promise<AccountStatement> {
  const [terms, sent, paid] = await Promise.all([
    getContributionTerms(db),
    db
      .select(sentColumns)
      .from(declarations)
      .where(and(eq(declarations.companyId, companyId), eq(declarations.status, 'sent'))),
    db.select(paymentColumns).from(payments).where(eq(payments.companyId, companyId)),
  ]);
  return buildStatement(terms, sent, paid, today);
}

/** The statements of many companies in the same two queries (lists such as « Mes clients »). */
export async function getAccountStatements(db: Db, companyIds: readonly string[], today: string): Promise<Map<string, AccountStatement>> {
  const ids = [...new Set(companyIds)];
  if (!ids.length) return new Map();
  const [terms, sent, paid] = await Promise.all([
    getContributionTerms(db),
    db
      .select(sentColumns)
      .from(declarations)
      .where(and(inArray(declarations.companyId, ids), eq(declarations.status, 'sent'))),
    db.select(paymentColumns).from(payments).where(inArray(payments.companyId, ids)),
  ]);
  const group = <T extends { companyId: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const list = map.get(r.companyId);
      if (list) list.push(r);
      else map.set(r.companyId, [r]);
    }
    return map;
  };
  const sentBy = group(sent);
  const paidBy = group(paid);
  return new Map(ids.map((id) => [id, buildStatement(terms, sentBy.get(id) ?? [], paidBy.get(id) ?? [], today)]));
}
