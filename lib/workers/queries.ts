import 'server-only';
import { and, asc, count, eq, gte, ilike, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { workers } from '@/db/schema';
import type { WorkerCategory, WorkerListFilter } from './schemas';

// Reads of « Salariés ». Callers have passed lib/access for the company; every query is scoped by it.

export type WorkerRow = {
  id: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  category: WorkerCategory;
  hiredOn: string;
  leftOn: string | null;
  weeklyHours: number;
};

const columns = {
  id: workers.id,
  lastName: workers.lastName,
  firstName: workers.firstName,
  birthDate: workers.birthDate,
  category: workers.category,
  hiredOn: workers.hiredOn,
  leftOn: workers.leftOn,
  weeklyHours: workers.weeklyHours,
};

const toRow = (r: Omit<WorkerRow, 'weeklyHours'> & { weeklyHours: string }): WorkerRow => ({ ...r, weeklyHours: Number(r.weeklyHours) });

/** LIKE's wildcards typed by the user are searched for literally. */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A worker is « actif » on `today` while they have no exit date or their exit date is today or later. */
function statusCondition(statut: WorkerListFilter['statut'], today: string): SQL | undefined {
  if (statut === 'actifs') return or(isNull(workers.leftOn), gte(workers.leftOn, today));
  if (statut === 'sortis') return and(isNotNull(workers.leftOn), lt(workers.leftOn, today));
  return undefined;
}

export const WORKER_LIST_LIMIT = 500;

/** The list of « Salariés », by name; `total` counts every match even past the limit. */
export async function listWorkers(db: Db, companyId: string, filter: WorkerListFilter & { today: string }): Promise<{ rows: WorkerRow[]; total: number }> {
  const words = filter.q.split(/\s+/).filter(Boolean).slice(0, 5);
  const where = and(
    eq(workers.companyId, companyId),
    statusCondition(filter.statut, filter.today),
    ...words.map((w) => or(ilike(workers.lastName, `%${escapeLike(w)}%`), ilike(workers.firstName, `%${escapeLike(w)}%`))),
  );
  const [rows, [total]] = await Promise.all([
    db.select(columns).from(workers).where(where).orderBy(asc(workers.lastName), asc(workers.firstName), asc(workers.id)).limit(WORKER_LIST_LIMIT),
    db.select({ n: count() }).from(workers).where(where),
  ]);
  return { rows: rows.map(toRow), total: total?.n ?? 0 };
}

/** One worker of the company, or null (another company's id is « not found » too). */
export async function getWorker(db: Db, companyId: string, workerId: string): Promise<WorkerRow | null> {
  const [row] = await db
    .select(columns)
    .from(workers)
    .where(and(eq(workers.id, workerId), eq(workers.companyId, companyId)));
  return row ? toRow(row) : null;
}

/** Counts for the list's filter labels. */
export async function countWorkers(db: Db, companyId: string, today: string): Promise<{ active: number; left: number }> {
  const [row] = await db
    .select({
      active: sql<number>`count(*) filter (where ${workers.leftOn} is null or ${workers.leftOn} >= ${today})::int`,
      left: sql<number>`count(*) filter (where ${workers.leftOn} < ${today})::int`,
    })
    .from(workers)
    .where(eq(workers.companyId, companyId));
  return { active: row?.active ?? 0, left: row?.left ?? 0 };
}
