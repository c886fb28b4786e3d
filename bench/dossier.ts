// Latency of the dossier's per-company reads at scale (issue 6), in-process on the database loaded by
// bench/dossier-seed.ts (20,000 companies, 150,000 workers, ≈ 1.8 M declaration lines):
//   « à jour »           getUpToDateStatus(db, companyId, at)        lib/companies/status.ts
//   relevé de compte     getAccountStatement(db, companyId, today)   lib/payments/statement.ts
//   dashboard            getMissingDeclarations(db, companyId, today) lib/declarations/queries.ts
// Each is called for BENCH_SAMPLES random companies (default 300, after 30 warm-up calls), one call at a
// time; prints p50 / p95 / max and PASS when p95 ≤ 50 ms. A module or function that does not exist yet
// is reported « absent » (they are being written in parallel), so the script runs before they land.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:dossier:seed   # once
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:dossier
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import { todayInFrance } from '@/lib/format';

const TARGET_P95_MS = 50;
const samples = Number(process.env.BENCH_SAMPLES) || 300;
const warmup = 30;
const dbName = process.env.BENCH_DOSSIER_DB || 'espace_bench_dossier';
const root = path.resolve(__dirname, '..');

type Target = { label: string; module: string; fn: string; call: (f: (...args: unknown[]) => Promise<unknown>, db: Db, companyId: string) => Promise<unknown> };

const now = new Date();
const today = todayInFrance(now);
const targets: Target[] = [
  { label: '« à jour » getUpToDateStatus', module: 'lib/companies/status.ts', fn: 'getUpToDateStatus', call: (f, db, id) => f(db, id, now) },
  { label: 'relevé de compte getAccountStatement', module: 'lib/payments/statement.ts', fn: 'getAccountStatement', call: (f, db, id) => f(db, id, today) },
  { label: 'dashboard getMissingDeclarations', module: 'lib/declarations/queries.ts', fn: 'getMissingDeclarations', call: (f, db, id) => f(db, id, today) },
];

// What those functions will have to ask the database, written once here as plain SQL: measured beside
// them, so the indexes are checked at scale before the functions land (and compared after).
const effectiveMonths = (companyId: string) => sql`
  select distinct on (period) period, total_contribution_cents as due_cents
  from declarations where company_id = ${companyId} and status = 'sent'
  order by period, sent_at desc`;
const referenceQueries: { label: string; run: (db: Db, companyId: string) => Promise<unknown> }[] = [
  {
    label: 'SQL: months not declared (12 months)',
    run: (db, id) =>
      db.execute(sql`
        select m::date as period from generate_series(date_trunc('month', ${today}::date) - interval '12 months', date_trunc('month', ${today}::date) - interval '1 month', interval '1 month') m
        where not exists (select 1 from declarations d where d.company_id = ${id} and d.period = m::date and d.status = 'sent')`),
  },
  {
    label: 'SQL: relevé (due, received per month)',
    run: (db, id) =>
      db.execute(sql`
        with e as (${effectiveMonths(id)}),
        p as (select period, sum(amount_cents) filter (where status = 'received') as received from payments where company_id = ${id} group by period)
        select e.period, e.due_cents, (e.period + interval '1 month' + interval '44 days')::date as due_on, coalesce(p.received, 0) as received
        from e left join p using (period) order by e.period`),
  },
  {
    label: 'SQL: à jour (unpaid past due)',
    run: (db, id) =>
      db.execute(sql`
        with e as (${effectiveMonths(id)}),
        p as (select period, sum(amount_cents) filter (where status = 'received') as received from payments where company_id = ${id} group by period)
        select e.period from e left join p using (period)
        where (e.period + interval '1 month' + interval '44 days')::date < ${today}::date and e.due_cents > coalesce(p.received, 0)`),
  },
];

/** The function, or why not: the module is imported by its path so that a missing one is « absent », not a crash. */
async function load(t: Target): Promise<((...args: unknown[]) => Promise<unknown>) | string> {
  const file = path.join(root, t.module);
  if (!fs.existsSync(file)) return `absent (no ${t.module})`;
  const mod = (await import(file)) as Record<string, unknown>;
  const f = mod[t.fn] ?? (mod.default as Record<string, unknown> | undefined)?.[t.fn];
  return typeof f === 'function' ? (f as (...args: unknown[]) => Promise<unknown>) : `absent (${t.module} has no ${t.fn})`;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base?.startsWith('postgres')) throw new Error('DATABASE_URL (postgres://…) est requis / is required');
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  const probe = postgres(url, { max: 1, onnotice: () => {} });
  let companyIds: string[];
  let biggest: { id: string; workers: number };
  try {
    companyIds = (await probe<{ id: string }[]>`select id from organisations where kind = 'company'`).map((r) => r.id);
    const rows = await probe<{ id: string; workers: number }[]>`select company_id as id, count(*)::int as workers from workers group by company_id order by 2 desc limit 1`;
    biggest = rows[0]!;
  } catch {
    throw new Error(`Base ${dbName} introuvable ou vide : lancez d’abord npm run bench:dossier:seed / database missing: run npm run bench:dossier:seed first`);
  } finally {
    await probe.end();
  }
  const handle = await openDatabase({ kind: 'postgres', url, max: 2 });
  const db = handle.db;
  const random = () => companyIds[Math.floor(Math.random() * companyIds.length)]!;
  console.log(`database ${dbName}: ${companyIds.length} companies; ${samples} random companies per function (+${warmup} warm-up); largest company ${biggest.workers} workers; today ${today}`);
  console.log(`(load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs: above ~1.5 the figures are pessimistic)\n`);

  const results: Record<string, unknown>[] = [];
  let failed = false;
  // The dashboard as a whole: what its dossier cards read for one company, side by side as the page does.
  const dashboard: Target = {
    label: 'dashboard: all dossier cards',
    module: '',
    fn: '',
    call: async (_f, db, id) => {
      const [{ getMissingDeclarations }, { getAccountStatement }, { getDebitState }, { listCompanyDocuments }, { getUpToDateStatus }] = await Promise.all([
        import('@/lib/declarations/queries'),
        import('@/lib/payments/statement'),
        import('@/lib/payments/queries'),
        import('@/lib/documents/queries'),
        import('@/lib/companies/status'),
      ]);
      await Promise.all([
        getMissingDeclarations(db, id, today),
        getAccountStatement(db, id, today),
        getDebitState(db, id),
        listCompanyDocuments(db, { companyId: id, includeAttestations: false, pageSize: 3 }),
        getUpToDateStatus(db, id, now),
      ]);
    },
  };
  const all: Target[] = [
    ...targets,
    dashboard,
    ...referenceQueries.map((q) => ({ label: q.label, module: '', fn: '', call: (_f: unknown, db: Db, id: string) => q.run(db, id) })),
  ];
  for (const t of all) {
    const f = t.module ? await load(t) : async () => undefined;
    if (typeof f === 'string') {
      console.log(`${t.label.padEnd(44)} ${f}`);
      results.push({ label: t.label, status: 'absent', detail: f });
      continue;
    }
    try {
      for (let i = 0; i < warmup; i++) await t.call(f, db, random());
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const id = random();
        const started = performance.now();
        await t.call(f, db, id);
        times.push(performance.now() - started);
      }
      const bigStarted = performance.now();
      await t.call(f, db, biggest.id);
      const bigMs = performance.now() - bigStarted;
      times.sort((a, b) => a - b);
      const p50 = quantile(times, 0.5);
      const p95 = quantile(times, 0.95);
      const pass = p95 <= TARGET_P95_MS;
      failed ||= !pass;
      console.log(
        `${t.label.padEnd(44)} p50 ${p50.toFixed(1)} ms · p95 ${p95.toFixed(1)} ms · max ${times.at(-1)!.toFixed(1)} ms · largest company ${bigMs.toFixed(1)} ms → ${pass ? 'PASS' : 'FAIL'} (p95 ≤ ${TARGET_P95_MS} ms)`,
      );
      results.push({ label: t.label, status: pass ? 'pass' : 'fail', p50, p95, max: times.at(-1), largestCompanyMs: bigMs, n: times.length });
    } catch (err) {
      failed = true;
      const message = err instanceof Error ? err.message : String(err);
      console.log(`${t.label.padEnd(44)} error: ${message}`);
      results.push({ label: t.label, status: 'error', detail: message });
    }
  }
  await handle.close();
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const out = path.join(root, 'bench/results', `dossier-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, JSON.stringify({ database: dbName, today, samples, results }, null, 2));
  console.log(`\n→ ${path.relative(root, out)}`);
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
