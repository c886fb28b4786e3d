#!/usr/bin/env node
// « Mes clients » with 200 clients: server time of the page under `next start` (production build).
// Seeds a fresh database (embedded PGlite, or a fresh PostgreSQL database when DATABASE_URL is set) with the
// demo data plus an accounting firm with N clients (db/seed-bench.ts), starts the app, signs in as that
// firm through Auth.js, then times sequential GETs of the page (full body read, localhost) for several
// searchParams, against the same page for the demo firm (1 client at most) as a baseline.
//   node bench/firm-clients.mjs [clients=200] [runs=40]
// Reuses the e2e build (.next-e2e) when present; builds it otherwise.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const clients = Number(process.argv[2] ?? 200);
const runs = Number(process.argv[3] ?? 40);

const port = await new Promise((resolve) => {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1', () => {
    const p = srv.address().port;
    srv.close(() => resolve(p));
  });
});
const distDir = process.env.NEXT_DIST_DIR || '.next-e2e';
const dataDir = path.join(root, '.data', `bench-${port}`);
const baseUrl = `http://localhost:${port}`;
const env = {
  ...process.env,
  APP_ENV: 'test',
  NEXT_DIST_DIR: distDir,
  DATA_DIR: dataDir,
  APP_URL: baseUrl,
  AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  AUTH_TRUST_HOST: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  RESEND_API_KEY: '',
};
let dropBenchDatabase = async () => {};
if (process.env.DATABASE_URL) {
  const u = new URL(process.env.DATABASE_URL);
  const name = `espace_bench_${port}`;
  const admin = new URL(u);
  admin.pathname = '/postgres';
  const { default: postgres } = await import('postgres');
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  u.pathname = `/${name}`;
  env.DATABASE_URL = u.toString();
  dropBenchDatabase = async () => {
    const s = postgres(admin.toString(), { max: 1, onnotice: () => {} });
    await s.unsafe(`drop database if exists ${name} with (force)`);
    await s.end();
  };
}

const seed = spawnSync('npx', ['tsx', '--import', './scripts/server-only-shim.mjs', 'bench/seed-firm-clients.ts', String(clients)], { env, stdio: 'inherit' });
if (seed.status !== 0) process.exit(seed.status ?? 1);
if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
  const b = spawnSync('node', ['node_modules/next/dist/bin/next', 'build'], { env: { ...env, NODE_ENV: 'production' }, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const server = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], { env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let log = '';
server.stdout.on('data', (d) => (log += d));
server.stderr.on('data', (d) => (log += d));
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {}
};
process.on('exit', () => {
  stop();
  if (!process.env.DATABASE_URL) fs.rmSync(dataDir, { recursive: true, force: true });
});

for (const deadline = Date.now() + 90_000; ; ) {
  try {
    if ((await fetch(`${baseUrl}/`)).ok) break;
  } catch {}
  if (Date.now() > deadline || server.exitCode !== null) {
    console.error(log);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 300));
}

/** Auth.js credentials sign-in over HTTP; returns the Cookie header of the session. */
async function signIn(email, password) {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/espace' }),
  });
  const cookies = [...jar, ...res.headers.getSetCookie().map((c) => c.split(';')[0])];
  const session = cookies.filter((c) => /session-token/.test(c));
  if (!session.length) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return session.join('; ');
}

async function time(cookie, url) {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}${url}`, { headers: { cookie } });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return { ms, bytes: body.length, body };
}

function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

async function measure(cookie, url) {
  for (let i = 0; i < 5; i++) await time(cookie, url); // warm-up (first render compiles nothing, but warms caches and JIT)
  const samples = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await time(cookie, url);
    samples.push(last.ms);
  }
  return { url, ...stats(samples), kb: last.bytes / 1024, body: last.body };
}

const bench = await signIn('bench@cabinet-banc-essai.test', 'Bench-Cabinet-200-Clients!');
const demo = await signIn('cabinet@comptable-lorrain.test', 'Demo-Cabinet-2026!');
const rows = [];
for (const url of ['/espace/clients', '/espace/clients?tri=nom&page=4', '/espace/clients?q=Charpente', '/espace/clients?domaine=leave&attention=fin-proche&tri=fin']) rows.push({ who: `${clients} clients`, ...(await measure(bench, url)) });
rows.push({ who: 'demo firm (0 client)', ...(await measure(demo, '/espace/clients')) });
rows.push({ who: 'demo firm', ...(await measure(demo, '/espace')) });

if (process.env.BENCH_DUMP) fs.writeFileSync(process.env.BENCH_DUMP, rows[0].body);
const total = /(\d+) clients? ·/.exec(rows[0].body)?.[1];
console.log(`\n« Mes clients » — next start (production build), ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${runs} sequential requests each after 5 warm-up, full body read on localhost`);
console.log(`page shows ${total} clients in total, 50 per page\n`);
console.log('| firm | URL | median ms | p95 ms | max ms | HTML KiB |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.who} | \`${r.url}\` | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.kb.toFixed(0)} |`);
stop();
await new Promise((r) => setTimeout(r, 500));
await dropBenchDatabase();
process.exit(0);
