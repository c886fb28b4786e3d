import 'server-only';
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caisse, caisseLegalNotice, caisseSites, departments, keyDates } from '@/db/schema';

export async function getCaisse(db: Db) {
  const [row] = await db.select().from(caisse).limit(1);
  if (!row) throw new Error('Caisse reference data missing');
  return row;
}

const caisseCache = globalThis as unknown as { __espaceCaisse?: { until: number; row: ReturnType<typeof getCaisse> } };

/**
 * The caisse's identity for the hot public paths (the verifier's verdict page): read at most once a
 * minute per process instead of once per request. A change of the caisse's name or address shows
 * there within a minute; every other page reads getCaisse as before.
 */
export function getCaisseCached(db: Db, now = Date.now()): ReturnType<typeof getCaisse> {
  const cached = caisseCache.__espaceCaisse;
  if (cached && cached.until > now) return cached.row;
  const row = getCaisse(db);
  caisseCache.__espaceCaisse = { until: now + 60_000, row };
  // A failed read is not kept: the next request tries again.
  row.catch(() => {
    if (caisseCache.__espaceCaisse?.row === row) caisseCache.__espaceCaisse = undefined;
  });
  return row;
}

export type KeyDate = typeof keyDates.$inferSelect;

/** The caisse and the facts of its legal notice (null until a row is written for this caisse). */
export async function getLegalNotice(db: Db) {
  const [row] = await db
    .select({ caisse, notice: caisseLegalNotice })
    .from(caisse)
    .leftJoin(caisseLegalNotice, eq(caisseLegalNotice.caisseId, caisse.id))
    .limit(1);
  if (!row) throw new Error('Caisse reference data missing');
  return row;
}

/** The next key date of one kind on or after `today` (e.g. the next leave-registration deadline). */
export async function getNextKeyDate(db: Db, kind: KeyDate['kind'], today: string): Promise<KeyDate | null> {
  const [row] = await db
    .select()
    .from(keyDates)
    .where(and(eq(keyDates.kind, kind), gte(keyDates.startsOn, today)))
    .orderBy(asc(keyDates.startsOn))
    .limit(1);
  return row ?? null;
}

/** « Dates à retenir »: key dates not yet over, soonest first. */
export async function getUpcomingKeyDates(db: Db, today: string, limit = 6): Promise<KeyDate[]> {
  return db
    .select()
    .from(keyDates)
    .where(or(gte(keyDates.startsOn, today), and(lte(keyDates.startsOn, today), gte(keyDates.endsOn, today))))
    .orderBy(asc(keyDates.startsOn))
    .limit(limit);
}

/** The space_closure in force on `today`, if any (a single-day closure has no end). */
export async function getClosureInForce(db: Db, today: string): Promise<KeyDate | null> {
  const [row] = await db
    .select()
    .from(keyDates)
    .where(
      and(
        eq(keyDates.kind, 'space_closure'),
        lte(keyDates.startsOn, today),
        or(gte(keyDates.endsOn, today), and(isNull(keyDates.endsOn), eq(keyDates.startsOn, today))),
      ),
    )
    .orderBy(asc(keyDates.startsOn))
    .limit(1);
  return row ?? null;
}

/** The first space_opening after a closure, for « réouverture le … ». */
export async function getNextOpening(db: Db, after: string): Promise<KeyDate | null> {
  const [row] = await db
    .select()
    .from(keyDates)
    .where(and(eq(keyDates.kind, 'space_opening'), gte(keyDates.startsOn, after)))
    .orderBy(asc(keyDates.startsOn))
    .limit(1);
  return row ?? null;
}

export async function getSitesWithDepartments(db: Db) {
  const [sites, deps] = await Promise.all([
    db.select().from(caisseSites).orderBy(asc(caisseSites.sortOrder)),
    db.select().from(departments).orderBy(asc(departments.code)),
  ]);
  return sites.map((s) => ({ ...s, departments: deps.filter((d) => d.siteId === s.id) }));
}

export async function getDepartments(db: Db) {
  return db
    .select({ code: departments.code, name: departments.name, isAlsaceMoselle: departments.isAlsaceMoselle, siteName: caisseSites.name, sitePhone: caisseSites.phone })
    .from(departments)
    .innerJoin(caisseSites, eq(caisseSites.id, departments.siteId))
    .orderBy(asc(departments.code));
}
