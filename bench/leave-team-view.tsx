// Server time of the leave team view (issue 7): a company of 300 workers (department 67, so the
// Alsace-Moselle holidays too), about one leave per worker in the month, then N times: read the month
// (getTeamView: workers, leaves, holidays) and render the table to HTML (react-dom/server). Target: p95 ≤ 100 ms.
// This is the page's own work; Next's request pipeline (session, RSC payload) comes on top — see
// `npm run bench` for the framework's floor.
//   NODE_ENV=production node --require ./bench/css-module-shim.cjs --import tsx --import ./scripts/server-only-shim.mjs bench/leave-team-view.tsx [workers=300] [runs=60]
// Database: embedded PGlite in memory, or a fresh PostgreSQL database when DATABASE_URL is set.
// Prints one JSON line (for scripts/bench.mjs) after the human-readable figures.
import { renderToString } from 'react-dom/server';
import { openDatabase, type DbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedReference } from '@/db/seed';
import { TeamTable } from '@/app/espace/conges/team-table';
import { daysIn, monthRange } from '@/lib/leave/month-grid';
import { getLeaveCompany, getTeamView } from '@/lib/leave/queries';
import { seedLeaveCompany } from './leave-seed';

const workerCount = Number(process.argv[2] ?? 300);
const runs = Number(process.argv[3] ?? 60);
const month = '2027-06';
const today = '2027-06-15';

async function open(): Promise<{ handle: DbHandle; url?: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = await openDatabase({ kind: 'pglite' });
    return { handle, drop: async () => {} };
  }
  const { default: postgres } = await import('postgres');
  const name = `espace_bench_leave_${process.pid}`;
  const adminUrl = new URL(base);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), max: 4 });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const { handle, url, drop } = await open();
  try {
    await migrateDatabase(handle, { postgresUrl: url });
    await seedReference(handle.db);
    const db = handle.db;
    const { companyId } = await seedLeaveCompany(db, { workerCount, month, leaveYearStart: '2027-05-01', paymentDeadline: '2027-05-20', paymentOn: '2027-06-30' });
    const info = (await getLeaveCompany(db, companyId))!;
    const range = monthRange(month);
    const days = daysIn(range);
    const once = async () => {
      const t0 = performance.now();
      const view = await getTeamView(db, info, range, today);
      const t1 = performance.now();
      const html = renderToString(<TeamTable view={view} days={days} today={today} />);
      const t2 = performance.now();
      return { query: t1 - t0, render: t2 - t1, total: t2 - t0, bytes: html.length };
    };
    for (let i = 0; i < 5; i++) await once();
    const samples: Awaited<ReturnType<typeof once>>[] = [];
    for (let i = 0; i < runs; i++) samples.push(await once());
    const stat = (k: 'query' | 'render' | 'total') => {
      const s = samples.map((x) => x[k]).sort((a, b) => a - b);
      return { p50: Number(pct(s, 50).toFixed(1)), p95: Number(pct(s, 95).toFixed(1)) };
    };
    const result = { engine: handle.kind, workers: workerCount, month, runs, query: stat('query'), render: stat('render'), total: stat('total'), htmlBytes: samples[0]!.bytes, targetMs: 100 };
    console.log(`Team view, ${workerCount} workers, ${month} (${handle.kind}, ${runs} runs):`);
    console.log(`  read   p50 ${result.query.p50} ms  p95 ${result.query.p95} ms`);
    console.log(`  render p50 ${result.render.p50} ms  p95 ${result.render.p95} ms  (${Math.round(result.htmlBytes / 1024)} KiB of HTML)`);
    console.log(`  total  p50 ${result.total.p50} ms  p95 ${result.total.p95} ms  — target ≤ ${result.targetMs} ms: ${result.total.p95 <= result.targetMs ? 'met' : 'NOT met'}`);
    console.log(`BENCH_JSON ${JSON.stringify(result)}`);
  } finally {
    await handle.close();
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
