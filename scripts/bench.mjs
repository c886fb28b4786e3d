#!/usr/bin/env node
// `npm run bench`: throughput and latency under `next start` (a production build in .next-bench) with
// autocannon, for the home page and « Dates à retenir », against two baselines measured in the same run:
//   floor     /api/bench/floor, a dynamic route handler doing nothing (the framework's floor)
//   bare      bench/bare-server.mjs, node:http running the same key-dates query without Next or Drizzle
// Database: a fresh PostgreSQL database `espace_bench` when DATABASE_URL is set (app and bare server
// share it), else embedded PGlite in a fresh DATA_DIR (the bare server then needs its own in-memory copy).
// Settings: BENCH_DURATION (s, 10), BENCH_CONNECTIONS (50), BENCH_WARMUP (s, 3), BENCH_SKIP_BUILD=1
// (reuse the last build), BENCH_ONLY=home,key-dates,floor,bare,attestations,leave-team-view,leave-scroll. Results: bench/results/*.json.
// With PostgreSQL it then runs bench/attestations.mjs: the figures of issue 5 with PASS/FAIL per target.
// The leave team view (bench/leave-team-view.tsx) runs in process on its own fresh database: server time of a 300-worker month.
// Then bench/leave-scroll.mjs on the same build: scrolling that month in Chromium (layouts, frame intervals, month changes).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { freePort, run as runCommand } from './lib/process.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

const duration = Number(process.env.BENCH_DURATION) || 10;
const connections = Number(process.env.BENCH_CONNECTIONS) || 50;
const warmup = process.env.BENCH_WARMUP === undefined ? 3 : Number(process.env.BENCH_WARMUP);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const distDir = '.next-bench';
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

function run(cmd, args, env) {
  runCommand(cmd, args, env, () => fail(`${cmd} ${args.join(' ')} a échoué / failed`));
}

const children = [];
function stopChildren() {
  for (const child of children.splice(0)) {
    try {
      process.kill(-child.pid, 'SIGTERM'); // its process group: `next start` leaves children behind otherwise
    } catch {}
  }
}
function fail(message) {
  console.error(`\n✖ ${message}`);
  stopChildren();
  process.exit(1);
}
process.on('exit', stopChildren);
process.on('SIGINT', () => process.exit(130));

function startChild(label, cmd, args, env) {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  return { child, log: () => log, label };
}

async function waitFor(server, ready) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.child.exitCode !== null) fail(`${server.label} s’est arrêté / exited:\n${server.log()}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) fail(`${server.label} ne répond pas / did not answer:\n${server.log()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) fail(`GET ${url} → ${res.status}`);
  return res.json();
}

// --- database ------------------------------------------------------------------------------------
const port = await freePort();
const dataDir = path.join(root, '.data', `bench-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
const appUrl = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  APP_ENV: 'test',
  NODE_ENV: 'production',
  NEXT_DIST_DIR: distDir,
  DATA_DIR: dataDir,
  APP_URL: appUrl,
  AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  AUTH_TRUST_HOST: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  RESEND_API_KEY: '',
};

let dropBenchDatabase = async () => {};
if (engine === 'postgres') {
  const { default: postgres } = await import('postgres');
  const admin = new URL(process.env.DATABASE_URL);
  admin.pathname = '/postgres';
  const name = 'espace_bench';
  const adminSql = () => postgres(admin.toString(), { max: 1, onnotice: () => {} });
  const sql = adminSql();
  await sql.unsafe(`drop database if exists ${name} with (force)`);
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  env.DATABASE_URL = u.toString();
  console.log(`▶ Base PostgreSQL neuve / fresh PostgreSQL database: ${name}`);
  run('npx', ['tsx', '--import', './scripts/server-only-shim.mjs', 'db/cli/seed.ts'], { ...env, NODE_ENV: 'development' });
  dropBenchDatabase = async () => {
    const s = adminSql();
    await s.unsafe(`drop database if exists ${name} with (force)`);
    await s.end();
  };
} else {
  console.log(`▶ PGlite embarqué / embedded PGlite in ${path.relative(root, dataDir)} (seeded by the server at start)`);
}

// --- build and servers -----------------------------------------------------------------------------
if (process.env.BENCH_SKIP_BUILD !== '1' || !fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
  console.log(`▶ next build → ${distDir}`);
  run('node', ['node_modules/next/dist/bin/next', 'build'], env);
}

const next = startChild('next start', 'node', ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], env);
await waitFor(next, async () => (await fetch(`${appUrl}/`)).ok);

const bareEnv = { ...env, BENCH_BARE_DB: engine, BENCH_BARE_PORT: String(await freePort()) };
const bare =
  engine === 'postgres'
    ? startChild('bare node:http', 'node', ['bench/bare-server.mjs'], bareEnv)
    : startChild('bare node:http', 'node', ['--import', 'tsx', '--import', './scripts/server-only-shim.mjs', 'bench/bare-server.mjs'], bareEnv);
await waitFor(bare, async () => /listening \d+/.test(bare.log()));
const bareUrl = `http://127.0.0.1:${bareEnv.BENCH_BARE_PORT}/`;

// --- the two sides answer the same thing ---------------------------------------------------------------
const fromNext = await getJson(`${appUrl}/api/bench/key-dates`);
const fromBare = await getJson(bareUrl);
const comparable = (rows) =>
  engine === 'postgres' ? rows : rows.map(({ kind, label, startsOn, endsOn, displayDate }) => ({ kind, label, startsOn, endsOn, displayDate }));
if (!fromNext.length) fail('aucune date à retenir / no key dates: the seed did not run');
if (!isDeepStrictEqual(comparable(fromNext), comparable(fromBare)))
  fail(`la route et le serveur nu ne répondent pas pareil / route and bare server disagree:\n${JSON.stringify(fromNext)}\n${JSON.stringify(fromBare)}`);
if (!isDeepStrictEqual(await getJson(`${appUrl}/api/bench/floor`), { ok: true })) fail('/api/bench/floor');
const home = await fetch(`${appUrl}/`).then((r) => r.text());
if (!home.includes('Dates à retenir') || !home.includes(fromNext[0].label)) fail('la page d’accueil ne montre pas les dates / home page lacks the key dates');

// --- load --------------------------------------------------------------------------------------------
const targets = [
  { id: 'floor', label: 'Next route handler, floor (/api/bench/floor)', url: `${appUrl}/api/bench/floor` },
  { id: 'key-dates', label: 'Next route handler, key dates (/api/bench/key-dates)', url: `${appUrl}/api/bench/key-dates` },
  { id: 'home', label: 'Next page, home (/)', url: `${appUrl}/` },
  { id: 'bare', label: `bare node:http, key dates${engine === 'pglite' ? ' (own in-memory PGlite)' : ''}`, url: bareUrl },
].filter((t) => !only || only.includes(t.id));

const load = os.loadavg();
console.log(
  `\n▶ autocannon: ${connections} connections, ${duration} s each (warm-up ${warmup} s); ${os.cpus().length} CPU, ` +
    `load average ${load.map((l) => l.toFixed(2)).join(' ')}, Node ${process.version}, ${engine}`,
);
if (engine === 'pglite')
  console.log('  PGlite: the bare server cannot open the app’s data folder (one process only), so it queries its own in-memory PGlite seeded the same way.');

const results = {};
for (const t of targets) {
  if (warmup > 0) await autocannon({ url: t.url, connections, duration: warmup });
  const r = await autocannon({ url: t.url, connections, duration });
  results[t.id] = {
    label: t.label,
    url: t.url.replace(/:\d+\//, ':PORT/'),
    requestsPerSecond: r.requests.average,
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, average: r.latency.average, max: r.latency.max },
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
  console.log(`  ${t.id.padEnd(10)} ${Math.round(r.requests.average).toLocaleString('en-US').padStart(8)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms`);
  if (r.non2xx || r.errors || r.timeouts) console.log(`    ⚠ ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  if (!r.requests.total) console.log(`    ⚠ no response within ${duration} s: raise BENCH_DURATION (is the machine busy?)`);
}

// --- leave team view (issue 7), in process: read + render a month for 300 workers ------------------------
let leaveTeamView;
if (!only || only.includes('leave-team-view')) {
  const r = spawnSync('node', ['--require', './bench/css-module-shim.cjs', '--import', 'tsx', '--import', './scripts/server-only-shim.mjs', 'bench/leave-team-view.tsx'], {
    // React's production build, as under `next start`.
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  const json = /^BENCH_JSON (.*)$/m.exec(r.stdout ?? '')?.[1];
  console.log(`\n▶ leave team view\n${(r.stdout ?? '').replace(/^BENCH_JSON .*$/m, '').trimEnd()}`);
  if (!json) console.log(`  ⚠ leave team view bench failed:\n${r.stderr}`);
  else leaveTeamView = JSON.parse(json);
}

// --- report ------------------------------------------------------------------------------------------
const ratio = (a, b) => (results[a]?.requestsPerSecond && results[b]?.requestsPerSecond ? results[a].requestsPerSecond / results[b].requestsPerSecond : undefined);
const ratios = {
  keyDatesVsFloor: ratio('key-dates', 'floor'),
  homeVsFloor: ratio('home', 'floor'),
  floorVsBare: ratio('floor', 'bare'),
  keyDatesVsBare: ratio('key-dates', 'bare'),
};

const rows = Object.values(results).map((r) => [r.label, Math.round(r.requestsPerSecond).toLocaleString('en-US'), String(r.latencyMs.p50), String(r.latencyMs.p99)]);
const header = ['target', 'req/s', 'p50 ms', 'p99 ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(`\n${line(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of rows) console.log(line(r));

const describe = (value, what) => value !== undefined && console.log(`  ${what}: ${value.toFixed(3)} (${(1 / value).toFixed(1)}× slower)`);
console.log('\nRatios (req/s):');
describe(ratios.keyDatesVsFloor, 'key-dates route / floor route');
describe(ratios.homeVsFloor, 'home page / floor route');
describe(ratios.floorVsBare, 'floor route / bare node:http');
describe(ratios.keyDatesVsBare, 'key-dates route / bare node:http');

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
const report = {
  date: new Date().toISOString(),
  commit,
  engine,
  bareDatabase: engine === 'postgres' ? 'same PostgreSQL database (postgres.js)' : 'own in-memory PGlite, seeded the same way',
  settings: { connections, durationSeconds: duration, warmupSeconds: warmup },
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverageBefore: load, node: process.version },
  results,
  ratios,
  leaveTeamView,
};
const outDir = path.join(root, 'bench', 'results');
fs.mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, `${report.date.replace(/[:.]/g, '-')}-${engine}.json`);
fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nRésultats / results: ${path.relative(root, outFile)}`);

stopChildren();
await new Promise((r) => setTimeout(r, 500));
await dropBenchDatabase();
fs.rmSync(dataDir, { recursive: true, force: true });

// --- issue 5: attestations (first download, re-download, verifier), each figure against its target ----
if (!only || only.includes('attestations')) {
  if (engine === 'postgres') {
    console.log('\n▶ Attestations (issue 5): bench/attestations.mjs on the same build');
    const att = spawnSync('node', ['bench/attestations.mjs'], { stdio: 'inherit', env: { ...process.env, BENCH_SKIP_BUILD: '1' } });
    if (att.status !== 0) fail('bench/attestations.mjs a échoué / failed');
  } else {
    console.log('\nAttestations (issue 5): their targets are set against PostgreSQL; run with DATABASE_URL to measure them.');
  }
}
// --- issue 7: the leave team view scrolled in Chromium, on the same build ---------------------------------
if (!only || only.includes('leave-scroll')) {
  console.log('\n▶ Leave team view in the browser (issue 7): bench/leave-scroll.mjs on the same build');
  const r = spawnSync('node', ['bench/leave-scroll.mjs'], { env: { ...process.env, BENCH_SKIP_BUILD: '1', NEXT_DIST_DIR: distDir }, encoding: 'utf8' });
  console.log((r.stdout ?? '').replace(/^BENCH_JSON .*$/m, '').trimEnd());
  if (r.status !== 0) fail(`bench/leave-scroll.mjs a échoué / failed:\n${r.stderr}`);
}
process.exit(0);
