import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNull, lte, min, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { readDocument } from '@/lib/documents/store';
import { contributionRates, declarationLines, declarations, documents, workers } from '@/db/schema';
import {
  addMonths,
  declarationDueOn,
  formatDecimalInput,
  duePeriods,
  isEmployedInPeriod,
  periodEnd,
  rateFor,
  type RateRow,
  type WorkerCategory,
} from './rules';

// Reads of the declarations area. Every query is scoped by the company id.

export async function getContributionRates(db: Db): Promise<RateRow[]> {
  return db
    .select({ category: contributionRates.category, effectiveFrom: contributionRates.effectiveFrom, rateBasisPoints: contributionRates.rateBasisPoints })
    .from(contributionRates)
    .orderBy(asc(contributionRates.effectiveFrom));
}

export type MissingDeclaration = { period: string; dueOn: string };

/**
 * The months whose declaration is due at `today` and not sent (no sent initial declaration): from the
 * month of the company's first hire or the oldest of the last twelve months, whichever is later. Two
 * indexed reads (workers by company; declarations by company and period).
 */
export async function getMissingDeclarations(db: Db, companyId: string, today: string): Promise<MissingDeclaration[]> {
  const oldest = addMonths(today, -12);
  const [[first], sent] = await Promise.all([
    db.select({ hiredOn: min(workers.hiredOn) }).from(workers).where(eq(workers.companyId, companyId)),
    db
      .select({ period: declarations.period })
      .from(declarations)
      .where(
        and(
          eq(declarations.companyId, companyId),
          gte(declarations.period, oldest),
          eq(declarations.kind, 'initial'),
          eq(declarations.status, 'sent'),
        ),
      ),
  ]);
  const declared = new Set(sent.map((r) => r.period));
  return duePeriods(first?.hiredOn ?? null, today)
    .filter((p) => !declared.has(p))
    .map((period) => ({ period, dueOn: declarationDueOn(period) }));
}

export type SentDeclaration = {
  id: string;
  period: string;
  kind: 'initial' | 'corrective';
  number: string;
  sentAt: Date;
  correctsId: string | null;
  totalHoursHundredths: number;
  totalWagesCents: number;
  totalContributionCents: number;
  lineCount: number;
  receiptId: string | null;
};

const sentColumns = {
  id: declarations.id,
  period: declarations.period,
  kind: declarations.kind,
  number: declarations.number,
  sentAt: declarations.sentAt,
  correctsId: declarations.correctsId,
  totalHoursHundredths: declarations.totalHoursHundredths,
  totalWagesCents: declarations.totalWagesCents,
  totalContributionCents: declarations.totalContributionCents,
};

async function withCountsAndReceipts(db: Db, companyId: string, rows: (Omit<SentDeclaration, 'lineCount' | 'receiptId' | 'number' | 'sentAt'> & { number: string | null; sentAt: Date | null })[]): Promise<SentDeclaration[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [lines, receipts] = await Promise.all([
    db.select({ declarationId: declarationLines.declarationId }).from(declarationLines).where(inArray(declarationLines.declarationId, ids)),
    db
      .select({ id: documents.id, sourceId: documents.sourceId })
      .from(documents)
      .where(and(eq(documents.companyId, companyId), eq(documents.kind, 'declaration_receipt'), inArray(documents.sourceId, ids))),
  ]);
  const count = new Map<string, number>();
  for (const l of lines) count.set(l.declarationId, (count.get(l.declarationId) ?? 0) + 1);
  const receipt = new Map(receipts.map((r) => [r.sourceId!, r.id]));
  return rows.map((r) => ({ ...r, number: r.number ?? '', sentAt: r.sentAt ?? new Date(0), lineCount: count.get(r.id) ?? 0, receiptId: receipt.get(r.id) ?? null }));
}

export type MonthRow = {
  period: string;
  /** The declaration in force (the latest sent: the initial one, or its latest correction). */
  current: SentDeclaration | null;
  /** How many corrective declarations were sent for the month. */
  corrections: number;
  hasDraft: boolean;
  isDue: boolean;
};

/**
 * « Déclarations »: the months to show, newest first: the current month (declarable), every month due
 * and missing, and every month declared in the last two years.
 */
export async function listDeclarationMonths(db: Db, companyId: string, today: string): Promise<MonthRow[]> {
  const since = addMonths(today, -24);
  const [missing, rows] = await Promise.all([
    getMissingDeclarations(db, companyId, today),
    db
      .select({ ...sentColumns, status: declarations.status })
      .from(declarations)
      .where(and(eq(declarations.companyId, companyId), gte(declarations.period, since)))
      .orderBy(desc(declarations.period), desc(declarations.sentAt)),
  ]);
  const sent = await withCountsAndReceipts(
    db,
    companyId,
    rows.filter((r) => r.status === 'sent'),
  );
  const periods = new Set<string>([`${today.slice(0, 7)}-01`, ...missing.map((m) => m.period), ...rows.map((r) => r.period)]);
  const drafts = new Set(rows.filter((r) => r.status === 'draft').map((r) => r.period));
  const missingSet = new Set(missing.map((m) => m.period));
  return [...periods]
    .sort()
    .reverse()
    .map((period) => {
      const ofPeriod = sent.filter((s) => s.period === period);
      return {
        period,
        current: ofPeriod[0] ?? null,
        corrections: ofPeriod.filter((s) => s.kind === 'corrective').length,
        hasDraft: drafts.has(period),
        isDue: missingSet.has(period),
      };
    });
}

export type MonthWorker = { id: string; lastName: string; firstName: string; category: WorkerCategory; rateBasisPoints: number | null };
export type DraftState = {
  id: string;
  kind: 'initial' | 'corrective';
  input: Record<string, { hours: string; wages: string }>;
  savedAt: Date;
};
export type DeclaredLine = { workerId: string; hoursHundredths: number; grossWagesCents: number; rateBasisPoints: number; contributionCents: number };

export type MonthDeclaration = {
  period: string;
  /** Workers to declare: employed that month, plus those of the declaration in force (a correction may keep them). */
  workers: MonthWorker[];
  /** Sent declarations of the month, oldest first; the last one is in force. */
  history: SentDeclaration[];
  current: SentDeclaration | null;
  currentLines: DeclaredLine[];
  draft: DraftState | null;
};

/** Everything the month page shows, for one company. */
export async function getMonthDeclaration(db: Db, companyId: string, period: string): Promise<MonthDeclaration> {
  const [rates, staff, rows] = await Promise.all([
    getContributionRates(db),
    db
      .select({ id: workers.id, lastName: workers.lastName, firstName: workers.firstName, category: workers.category, hiredOn: workers.hiredOn, leftOn: workers.leftOn })
      .from(workers)
      .where(and(eq(workers.companyId, companyId), lte(workers.hiredOn, periodEnd(period)), or(isNull(workers.leftOn), gte(workers.leftOn, period))))
      .orderBy(asc(workers.lastName), asc(workers.firstName)),
    db
      .select({ ...sentColumns, status: declarations.status, draftInput: declarations.draftInput, updatedAt: declarations.updatedAt })
      .from(declarations)
      .where(and(eq(declarations.companyId, companyId), eq(declarations.period, period)))
      .orderBy(asc(declarations.sentAt)),
  ]);
  const history = await withCountsAndReceipts(
    db,
    companyId,
    rows.filter((r) => r.status === 'sent'),
  );
  const current = history.at(-1) ?? null;
  const currentLines: DeclaredLine[] = current
    ? await db
        .select({
          workerId: declarationLines.workerId,
          hoursHundredths: declarationLines.hoursHundredths,
          grossWagesCents: declarationLines.grossWagesCents,
          rateBasisPoints: declarationLines.rateBasisPoints,
          contributionCents: declarationLines.contributionCents,
        })
        .from(declarationLines)
        .where(eq(declarationLines.declarationId, current.id))
    : [];
  // A correction may still name a worker of the corrected declaration whose dates changed since.
  const extraIds = currentLines.map((l) => l.workerId).filter((id) => !staff.some((w) => w.id === id));
  const extra = extraIds.length
    ? await db
        .select({ id: workers.id, lastName: workers.lastName, firstName: workers.firstName, category: workers.category, hiredOn: workers.hiredOn, leftOn: workers.leftOn })
        .from(workers)
        .where(and(eq(workers.companyId, companyId), inArray(workers.id, extraIds)))
    : [];
  const all = [...staff, ...extra].filter((w) => isEmployedInPeriod(w, period) || extraIds.includes(w.id));
  all.sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'));
  const kindWanted = current ? 'corrective' : 'initial';
  const draftRow = rows.find((r) => r.status === 'draft' && r.kind === kindWanted);
  return {
    period,
    workers: all.map((w) => ({ id: w.id, lastName: w.lastName, firstName: w.firstName, category: w.category, rateBasisPoints: rateFor(rates, period, w.category)?.rateBasisPoints ?? null })),
    history,
    current,
    currentLines,
    draft: draftRow ? { id: draftRow.id, kind: draftRow.kind, input: draftRow.draftInput ?? {}, savedAt: draftRow.updatedAt } : null,
  };
}

/** A sent declaration of the company by id (null for another company's: callers answer 404). */
export async function getSentDeclaration(db: Db, companyId: string, id: string): Promise<SentDeclaration | null> {
  const rows = await db
    .select(sentColumns)
    .from(declarations)
    .where(and(eq(declarations.id, id), eq(declarations.companyId, companyId), eq(declarations.status, 'sent')));
  return (await withCountsAndReceipts(db, companyId, rows))[0] ?? null;
}

/** What the form starts from: the draft as typed, else (a correction) the lines in force, else nothing. */
export function startingValues(month: Pick<MonthDeclaration, 'draft' | 'currentLines'>): Record<string, { hours: string; wages: string }> {
  if (month.draft) return month.draft.input;
  return Object.fromEntries(
    month.currentLines.map((l) => [l.workerId, { hours: formatDecimalInput(l.hoursHundredths), wages: formatDecimalInput(l.grossWagesCents) }]),
  );
}

/** The receipt of one of the company's sent declarations, decrypted (null otherwise: 404). */
export async function getReceipt(db: Db, companyId: string, declarationId: string) {
  const [doc] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.companyId, companyId), eq(documents.kind, 'declaration_receipt'), eq(documents.sourceId, declarationId)))
    .limit(1);
  return doc ? readDocument(db, companyId, doc.id) : null;
}
