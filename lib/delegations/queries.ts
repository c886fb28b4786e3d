import { and, asc, desc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { delegations, organisations } from '@/db/schema';
import { addDaysToDay } from '@/lib/format';
import { delegableAreas, type AreaGrants, type DelegableArea } from '@/lib/access/rules';
import { normalizeSiret } from '@/lib/companies/siret';
import { getUpToDateStatuses } from '@/lib/companies/status';

// Reads about delegations. Callers passed lib/access first (company: area « account »; firm: membership),
// and every query is scoped to the organisation they were authorized for.

/** Days before its end date when a delegation shows as « se termine bientôt ». */
export const ENDING_SOON_DAYS = 30;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Firms a company can delegate to, by SIRET (or its start) or name. */
export async function searchFirms(db: Db, query: string, limit = 10) {
  const q = query.trim();
  if (q.length < 2) return [];
  const digits = normalizeSiret(q);
  const where = /^\d{3,14}$/.test(digits) ? sql`${organisations.siret} like ${`${digits}%`}` : ilike(organisations.name, `%${escapeLike(q)}%`);
  return db
    .select({ id: organisations.id, name: organisations.name, siret: organisations.siret, city: organisations.city, activatedAt: organisations.activatedAt })
    .from(organisations)
    .where(and(eq(organisations.kind, 'accounting_firm'), where))
    .orderBy(asc(organisations.name))
    .limit(limit);
}

export async function getFirm(db: Db, firmId: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, siret: organisations.siret, city: organisations.city, activatedAt: organisations.activatedAt })
    .from(organisations)
    .where(and(eq(organisations.id, firmId), eq(organisations.kind, 'accounting_firm')));
  return row ?? null;
}

/** A company's delegations, current ones first (pending, active), then the last ended ones. */
export async function listCompanyDelegations(db: Db, companyId: string) {
  const firm = alias(organisations, 'firm');
  const rows = await db
    .select({
      id: delegations.id,
      status: delegations.status,
      areas: delegations.areas,
      endsOn: delegations.endsOn,
      createdAt: delegations.createdAt,
      respondedAt: delegations.respondedAt,
      revokedAt: delegations.revokedAt,
      note: delegations.note,
      firmId: firm.id,
      firmName: firm.name,
      firmSiret: firm.siret,
      firmActivated: isNotNull(firm.activatedAt).mapWith(Boolean),
    })
    .from(delegations)
    .innerJoin(firm, eq(firm.id, delegations.firmId))
    .where(eq(delegations.companyId, companyId))
    .orderBy(
      sql`case ${delegations.status} when 'pending_company' then 0 when 'active' then 1 when 'pending_firm' then 2 else 3 end`,
      desc(delegations.updatedAt),
    )
    .limit(30);
  return rows.map((r) => ({ ...r, areas: r.areas as AreaGrants }));
}

/** The old space showed a delegation and nothing replaced it yet: the company must renew it. */
export async function needsLegacyRenewal(db: Db, companyId: string): Promise<boolean> {
  const [org] = await db.select({ had: organisations.hadLegacyDelegation }).from(organisations).where(eq(organisations.id, companyId));
  if (!org?.had) return false;
  const [live] = await db
    .select({ id: delegations.id })
    .from(delegations)
    .where(and(eq(delegations.companyId, companyId), inArray(delegations.status, ['pending_firm', 'pending_company', 'active'])))
    .limit(1);
  return !live;
}

export const clientSorts = ['nom', 'fin', 'attention'] as const;
export const clientFilters = ['', 'non-a-jour', 'fin-proche', 'terminees'] as const;
export type ClientListOptions = {
  firmId: string;
  today: string;
  q?: string;
  area?: DelegableArea | '';
  attention?: (typeof clientFilters)[number];
  sort?: (typeof clientSorts)[number];
  page?: number;
  pageSize?: number;
};

export type ClientRow = {
  delegationId: string;
  companyId: string;
  name: string;
  siret: string;
  city: string;
  areas: AreaGrants;
  endsOn: string | null;
  since: Date | null;
  /** Attestation status, only when attestations are delegated (otherwise the firm is not told). */
  isUpToDate: boolean | null;
  isEnded: boolean;
  isEndingSoon: boolean;
};

/**
 * « Mes clients »: companies with an accepted delegation to the firm, filtered, sorted and paged in SQL
 * (one query with a window count), so 200 clients cost the same as 20. The « à jour » status is the one
 * decision of lib/companies/status, computed for the companies shown (two more queries for all of them);
 * only when the list is filtered or sorted by it are all the firm's matching clients read, then paged here.
 */
export async function listFirmClients(db: Db, options: ClientListOptions): Promise<{ rows: ClientRow[]; total: number; page: number; pageCount: number }> {
  const pageSize = options.pageSize ?? 50;
  const page = Math.max(1, options.page ?? 1);
  const soon = addDaysToDay(options.today, ENDING_SOON_DAYS);
  const conditions: SQL[] = [eq(delegations.firmId, options.firmId), eq(delegations.status, 'active')];
  conditions.push(
    options.attention === 'terminees'
      ? sql`${delegations.endsOn} < ${options.today}`
      : sql`(${delegations.endsOn} is null or ${delegations.endsOn} >= ${options.today})`,
  );
  const q = options.q?.trim() ?? '';
  if (q) {
    const digits = normalizeSiret(q);
    conditions.push(
      /^\d{3,14}$/.test(digits)
        ? sql`${organisations.siret} like ${`${digits}%`}`
        : or(ilike(organisations.name, `%${escapeLike(q)}%`), ilike(organisations.city, `%${escapeLike(q)}%`))!,
    );
  }
  if (options.area && (delegableAreas as readonly string[]).includes(options.area)) conditions.push(sql`(${delegations.areas} ->> ${options.area}) is not null`);
  // The firm is told a client's status only when attestations are delegated to it.
  if (options.attention === 'non-a-jour') conditions.push(sql`(${delegations.areas} ->> 'attestations') is not null`);
  if (options.attention === 'fin-proche') conditions.push(sql`${delegations.endsOn} between ${options.today} and ${soon}`);

  const byStatus = options.attention === 'non-a-jour' || options.sort === 'attention';
  const orderBy = options.sort === 'fin' ? [sql`${delegations.endsOn} asc nulls last`, asc(organisations.name)] : [asc(organisations.name)];
  const query = db
    .select({
      delegationId: delegations.id,
      companyId: organisations.id,
      name: organisations.name,
      siret: organisations.siret,
      city: organisations.city,
      areas: delegations.areas,
      endsOn: delegations.endsOn,
      since: delegations.respondedAt,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(delegations)
    .innerJoin(organisations, eq(organisations.id, delegations.companyId))
    .where(and(...conditions))
    .orderBy(...orderBy);
  const fetched = byStatus ? await query : await query.limit(pageSize).offset((page - 1) * pageSize);

  const told = fetched.filter((r) => (r.areas as AreaGrants).attestations).map((r) => r.companyId);
  const statuses = await getUpToDateStatuses(db, told, new Date(`${options.today}T12:00:00Z`));
  let rows: ClientRow[] = fetched.map((r) => {
    const areas = r.areas as AreaGrants;
    const status = areas.attestations ? statuses.get(r.companyId) : undefined;
    return {
      delegationId: r.delegationId,
      companyId: r.companyId,
      name: r.name,
      siret: r.siret,
      city: r.city,
      endsOn: r.endsOn,
      since: r.since,
      areas,
      isUpToDate: status ? status.upToDate : null,
      isEnded: r.endsOn !== null && r.endsOn < options.today,
      isEndingSoon: r.endsOn !== null && r.endsOn >= options.today && r.endsOn <= soon,
    };
  });
  let total = fetched[0]?.total ?? 0;
  if (byStatus) {
    if (options.attention === 'non-a-jour') rows = rows.filter((r) => r.isUpToDate === false);
    if (options.sort === 'attention') {
      const rank = (r: ClientRow) => (r.isUpToDate === false ? 0 : r.endsOn !== null && r.endsOn <= soon ? 1 : 2);
      rows = rows.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map((x) => x.r);
    }
    total = rows.length;
    rows = rows.slice((page - 1) * pageSize, page * pageSize);
  }
  return {
    rows,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** What waits for the firm: offers to accept, and its own requests not yet answered by the company. */
export async function listFirmPending(db: Db, firmId: string) {
  const rows = await db
    .select({
      id: delegations.id,
      status: delegations.status,
      areas: delegations.areas,
      endsOn: delegations.endsOn,
      createdAt: delegations.createdAt,
      note: delegations.note,
      companyId: organisations.id,
      companyName: organisations.name,
      companySiret: organisations.siret,
      companyCity: organisations.city,
    })
    .from(delegations)
    .innerJoin(organisations, eq(organisations.id, delegations.companyId))
    .where(and(eq(delegations.firmId, firmId), inArray(delegations.status, ['pending_firm', 'pending_company'])))
    .orderBy(desc(delegations.createdAt))
    .limit(200);
  const all = rows.map((r) => ({ ...r, areas: r.areas as AreaGrants }));
  return { offers: all.filter((r) => r.status === 'pending_firm'), requests: all.filter((r) => r.status === 'pending_company') };
}
