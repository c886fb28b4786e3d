// Scale data for the dossier benchmark (issue 6): 20,000 companies, 150,000 workers, twelve months of
// sent declarations (≈ 1.8 M declaration lines) and their payments, loaded into a dedicated PostgreSQL
// database with COPY, then indexed and analysed. Prints the time of each step.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:dossier:seed
//
// The database (BENCH_DOSSIER_DB, default espace_bench_dossier) is dropped and re-created on the server
// of DATABASE_URL, migrated, given the reference data, then loaded; it is kept for `npm run bench:dossier`.
// Sizes: BENCH_COMPANIES (20000), BENCH_WORKERS (150000). The data is deterministic (fixed seed) but
// relative to today: the twelve months before the current one, like the demo seed.
//
// Bulk-load technique: the secondary indexes of the loaded tables are dropped before COPY and rebuilt
// after (one sort each instead of 1.8 M random inserts), and the loading connections run with
// session_replication_role = replica so that foreign-key triggers do not fire per row (the generator
// produces consistent data; the rebuilt unique indexes check what matters). Needs a superuser, as in dev.
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedContributionRates, seedReference } from '@/db/seed';
import { contributionCents, monthlyHoursHundredths, rateFor, type WorkerCategory } from '@/lib/declarations/rules';
import { luhnCheckDigit } from '@/lib/companies/siret';
import { addDaysToDay, todayInFrance } from '@/lib/format';

export const benchDatabaseName = process.env.BENCH_DOSSIER_DB || 'espace_bench_dossier';
const COMPANIES = Number(process.env.BENCH_COMPANIES) || 20_000;
const WORKERS = Math.max(Number(process.env.BENCH_WORKERS) || 150_000, COMPANIES);
const MONTHS = 12;
const LOADED_TABLES = ['organisations', 'workers', 'declarations', 'declaration_lines', 'payments'];

export function databaseUrlFor(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

// ── deterministic randomness ─────────────────────────────────────────────────────────────────────────
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261127);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const randInt = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
/** A stable pseudo-random number for (a, b): line values are recomputed identically in each pass. */
function hash2(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

// ── the data, planned in memory (≈ 400 k small objects), lines generated on the fly ─────────────────
type Company = { id: string; index: number; dept: string };
type Worker = { id: string; index: number; companyIndex: number; category: WorkerCategory; hiredOn: string; leftOn: string | null; weeklyHours: number; lastName: string; firstName: string; birthDate: string };
type Declaration = { id: string; companyIndex: number; monthIndex: number; period: string; number: string; sentAt: string; hours: number; wages: number; contribution: number };

const lastNames = ['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Schmitt', 'Meyer', 'Klein'];
const firstNames = ['Kevin', 'Sandrine', 'Julien', 'Mehdi', 'Thomas', 'Nadia', 'Paulo', 'Léa', 'Marc', 'Élodie', 'Antoine', 'Yasmine', 'Hugo', 'Damien', 'Manon', 'Bruno', 'Inès', 'Lucas', 'Camille', 'Karim'];
const depts = [
  ['54', '54000', 'Nancy'],
  ['57', '57000', 'Metz'],
  ['67', '67000', 'Strasbourg'],
  ['68', '68100', 'Mulhouse'],
  ['88', '88000', 'Épinal'],
  ['51', '51100', 'Reims'],
  ['08', '08000', 'Charleville-Mézières'],
  ['10', '10000', 'Troyes'],
  ['52', '52000', 'Chaumont'],
  ['55', '55000', 'Bar-le-Duc'],
] as const;
const baseWagesCents: Record<WorkerCategory, number> = { ouvrier: 2_450_00, etam: 2_780_00, cadre: 4_250_00 };

function monthStart(today: string, offset: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return d.toISOString().slice(0, 10);
}
const monthEnd = (period: string) => addDaysToDay(monthStart(period, 1), -1);
const randomDay = (from: string, to: string) => addDaysToDay(from, Math.floor(rand() * (Math.max(0, (Date.parse(to) - Date.parse(from)) / 86_400_000) + 1)));

function plan(today: string) {
  const periods = Array.from({ length: MONTHS }, (_, i) => monthStart(today, i - MONTHS));
  const windowStart = periods[0]!;
  const companies: Company[] = Array.from({ length: COMPANIES }, (_, index) => ({ id: crypto.randomUUID(), index, dept: pick(depts)[0] }));
  // Every company has a worker; the rest go mostly to a few (r² skew: the largest have hundreds).
  const owner = new Int32Array(WORKERS);
  for (let i = 0; i < WORKERS; i++) owner[i] = i < COMPANIES ? i : Math.floor(COMPANIES * rand() ** 2);
  const workersByCompany: Worker[][] = companies.map(() => []);
  for (let i = 0; i < WORKERS; i++) {
    const c = owner[i]!;
    const r = rand();
    const category: WorkerCategory = r < 0.7 ? 'ouvrier' : r < 0.9 ? 'etam' : 'cadre';
    const birthDate = randomDay('1962-01-01', '2006-06-30');
    // 96 % hired before the window, 4 % during it; 3 % leave during it (≈ 1.75 M lines for 150,000 workers).
    const hiredOn = rand() < 0.96 ? randomDay(addDaysToDay(birthDate, 18 * 366), addDaysToDay(windowStart, -1)) : randomDay(windowStart, addDaysToDay(today, -1));
    const leftOn = rand() < 0.03 ? randomDay(hiredOn > windowStart ? hiredOn : windowStart, addDaysToDay(today, -1)) : null;
    const h = rand();
    workersByCompany[c]!.push({
      id: crypto.randomUUID(),
      index: i,
      companyIndex: c,
      category,
      hiredOn: hiredOn < addDaysToDay(birthDate, 18 * 366) ? addDaysToDay(birthDate, 18 * 366) : hiredOn,
      leftOn,
      weeklyHours: h < 0.8 ? 35 : h < 0.95 ? 39 : 24,
      lastName: pick(lastNames),
      firstName: pick(firstNames),
      birthDate,
    });
  }
  // Each company declares its twelve months, except 1.5 % that miss the latest one and 0.5 % another one.
  const declarations: Declaration[] = [];
  let number = 0;
  for (const c of companies) {
    const missLatest = rand() < 0.015;
    const missOther = rand() < 0.005 ? randInt(0, MONTHS - 2) : -1;
    periods.forEach((period, m) => {
      if ((missLatest && m === MONTHS - 1) || m === missOther) return;
      let hours = 0;
      let wages = 0;
      let contribution = 0;
      for (const line of linesOf(workersByCompany[c.index]!, period, m)) {
        hours += line.hours;
        wages += line.wages;
        contribution += line.contribution;
      }
      number++;
      declarations.push({
        id: crypto.randomUUID(),
        companyIndex: c.index,
        monthIndex: m,
        period,
        number: `DEC-${period.slice(0, 4)}-${String(number).padStart(7, '0')}`,
        sentAt: `${addDaysToDay(monthStart(period, 1), randInt(0, 14))} 09:${String(randInt(0, 59)).padStart(2, '0')}:00+00`,
        hours,
        wages,
        contribution,
      });
    });
  }
  return { periods, companies, workersByCompany, declarations };
}

/** The lines of one company's month: its workers employed that month, values stable across passes. */
function* linesOf(staff: Worker[], period: string, monthIndex: number) {
  const end = monthEnd(period);
  for (const w of staff) {
    if (w.hiredOn > end || (w.leftOn !== null && w.leftOn < period)) continue;
    const rate = rateFor(seedContributionRates, period, w.category)!;
    const x = hash2(w.index, monthIndex);
    const wages = Math.round(baseWagesCents[w.category] * (w.weeklyHours / 35) + x * 600_00);
    const hours = monthlyHoursHundredths(w.weeklyHours) - (x > 0.9 ? 700 : 0);
    yield { worker: w, hours, wages, rate: rate.rateBasisPoints, contribution: contributionCents(wages, rate.rateBasisPoints) };
  }
}

/** Rows joined into chunks of ~2,000: one stream write per chunk. */
async function* chunked(rows: Iterable<string>) {
  let batch: string[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= 2000) {
      yield batch.join('');
      batch = [];
    }
  }
  if (batch.length) yield batch.join('');
}

async function copy(sql: postgres.Sql, table: string, columns: string[], rows: Iterable<string>): Promise<number> {
  const started = performance.now();
  const stream = await sql.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable();
  await pipeline(Readable.from(chunked(rows)), stream);
  return performance.now() - started;
}

const N = '\\N';
const ms = (t: number) => `${(t / 1000).toFixed(1)} s`;

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base?.startsWith('postgres')) throw new Error('DATABASE_URL (postgres://…) est requis / is required: the benchmark loads PostgreSQL with COPY');
  const url = databaseUrlFor(base, benchDatabaseName);
  const t0 = performance.now();
  const admin = postgres(databaseUrlFor(base, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${benchDatabaseName} with (force)`);
  await admin.unsafe(`create database ${benchDatabaseName}`);
  await admin.end();
  const handle = await openDatabase({ kind: 'postgres', url, max: 2 });
  await migrateDatabase(handle, { postgresUrl: url });
  await seedReference(handle.db);
  await handle.close();
  const tMigrated = performance.now();

  const today = todayInFrance();
  const { companies, workersByCompany, declarations } = plan(today);
  const workers = workersByCompany.flat();
  const tPlanned = performance.now();
  console.log(`plan: ${COMPANIES} companies, ${workers.length} workers, ${declarations.length} declarations (${ms(tPlanned - tMigrated)})`);

  const loader = postgres(url, { max: 5, onnotice: () => {}, connection: { session_replication_role: 'replica' } });
  const indexes = await loader<{ indexname: string; indexdef: string }[]>`
    select indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename = any(${LOADED_TABLES})
      and indexname not in (select conname from pg_constraint)`;
  for (const i of indexes) await loader.unsafe(`drop index ${i.indexname}`);

  const now = new Date().toISOString();
  const dueOn = (period: string) => addDaysToDay(monthEnd(period), 45);
  const paymentRows = function* () {
    // Contributions due by today are paid (SEPA 60 %, transfer 40 %), except 2 % of companies that leave the latest one unpaid.
    const unpaidLatest = new Set(companies.filter(() => rand() < 0.02).map((c) => c.index));
    const dueByCompany = new Map<number, Declaration[]>();
    for (const d of declarations) if (dueOn(d.period) <= today) dueByCompany.set(d.companyIndex, [...(dueByCompany.get(d.companyIndex) ?? []), d]);
    for (const [companyIndex, due] of dueByCompany) {
      for (const [i, d] of due.entries()) {
        if (i === due.length - 1 && unpaidLatest.has(companyIndex)) continue;
        if (d.contribution <= 0) continue; // nothing to pay (a month without wages); payments.amount_cents is > 0
        const isDebit = rand() < 0.6;
        const on = addDaysToDay(dueOn(d.period), isDebit ? 0 : -randInt(0, 6));
        yield `${companies[companyIndex]!.id}\t${d.period}\t${d.contribution}\t${isDebit ? 'sepa_debit' : 'transfer'}\treceived\t${isDebit ? 'PRLV' : 'VIR'}-${d.number}\t${on} 06:00:00+00\t${on}\n`;
      }
    }
  };

  const lineRows = function* () {
    for (const d of declarations) for (const l of linesOf(workersByCompany[d.companyIndex]!, d.period, d.monthIndex)) yield `${d.id}\t${l.worker.id}\t${l.hours}\t${l.wages}\t${l.rate}\t${l.contribution}\n`;
  };

  const tCopy = performance.now();
  const timings = await Promise.all([
    copy(
      loader,
      'organisations',
      ['id', 'kind', 'siret', 'name', 'address_line', 'postcode', 'city', 'department_code', 'membership_number', 'activated_at'],
      (function* () {
        for (const c of companies) {
          const siren = `8${String(c.index).padStart(7, '0')}`;
          const siret9 = siren + luhnCheckDigit(siren);
          const siret = siret9 + '0001' + luhnCheckDigit(siret9 + '0001');
          const [dept, postcode, city] = depts.find((d) => d[0] === c.dept)!;
          yield `${c.id}\tcompany\t${siret}\tEntreprise Banc d’essai ${c.index}\t${c.index} rue du Chantier\t${postcode}\t${city}\t${dept}\tGE-B-${String(c.index).padStart(6, '0')}\t${now}\n`;
        }
      })(),
    ).then((t) => ['organisations', t] as const),
    copy(
      loader,
      'workers',
      ['id', 'company_id', 'last_name', 'first_name', 'birth_date', 'category', 'hired_on', 'left_on', 'weekly_hours'],
      (function* () {
        for (const w of workers) yield `${w.id}\t${companies[w.companyIndex]!.id}\t${w.lastName}\t${w.firstName}\t${w.birthDate}\t${w.category}\t${w.hiredOn}\t${w.leftOn ?? N}\t${w.weeklyHours}\n`;
      })(),
    ).then((t) => ['workers', t] as const),
    copy(
      loader,
      'declarations',
      ['id', 'company_id', 'period', 'kind', 'status', 'number', 'sent_at', 'total_hours_hundredths', 'total_wages_cents', 'total_contribution_cents'],
      (function* () {
        for (const d of declarations) yield `${d.id}\t${companies[d.companyIndex]!.id}\t${d.period}\tinitial\tsent\t${d.number}\t${d.sentAt}\t${d.hours}\t${d.wages}\t${d.contribution}\n`;
      })(),
    ).then((t) => ['declarations', t] as const),
    copy(loader, 'payments', ['company_id', 'period', 'amount_cents', 'method', 'status', 'reference', 'announced_at', 'received_on'], paymentRows()).then((t) => ['payments', t] as const),
    copy(loader, 'declaration_lines', ['declaration_id', 'worker_id', 'hours_hundredths', 'gross_wages_cents', 'rate_basis_points', 'contribution_cents'], lineRows()).then(
      (t) => ['declaration_lines', t] as const,
    ),
  ]);
  const tCopied = performance.now();

  for (const i of indexes) await loader.unsafe(i.indexdef);
  const tIndexed = performance.now();
  await loader.unsafe(`select setval('declaration_number_seq', ${declarations.length + 1})`);
  await loader.unsafe('analyze');
  const tAnalysed = performance.now();
  const counts = await loader<{ t: string; n: number }[]>`
    select 'organisations' as t, count(*)::int as n from organisations union all
    select 'workers', count(*)::int from workers union all
    select 'declarations', count(*)::int from declarations union all
    select 'declaration_lines', count(*)::int from declaration_lines union all
    select 'payments', count(*)::int from payments`;
  const size = await loader<{ size: string }[]>`select pg_size_pretty(pg_database_size(current_database())) as size`;
  await loader.end();

  console.log(`rows: ${counts.map((c) => `${c.t} ${c.n.toLocaleString('en-US')}`).join(' · ')} · database ${size[0]!.size}`);
  console.log(`create + migrate + reference data: ${ms(tMigrated - t0)}`);
  console.log(`plan in memory: ${ms(tPlanned - tMigrated)}`);
  console.log(`COPY (5 tables in parallel): ${ms(tCopied - tCopy)}  [${timings.map(([t, d]) => `${t} ${ms(d)}`).join(', ')}]`);
  console.log(`rebuild ${indexes.length} secondary indexes: ${ms(tIndexed - tCopied)}`);
  console.log(`ANALYZE: ${ms(tAnalysed - tIndexed)}`);
  console.log(`total load time: ${ms(tAnalysed - t0)} (database ${benchDatabaseName}; kept for npm run bench:dossier)`);
}

if (require.main === module)
  main().catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
