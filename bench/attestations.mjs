#!/usr/bin/env node
// Attestation benchmarks (issue 5), standalone: builds the app into .next-bench (unless BENCH_SKIP_BUILD=1
// and a build exists), starts `next start` on a fresh PostgreSQL database `espace_bench_att`, then
// measures with autocannon:
//   1. first download (issue + sign + render + store + send) at 1 connection: p50 (target ≤ 40 ms)
//   2. re-download of the stored PDF at 1 connection: p50 (target ≤ 5 ms)
//   3. first downloads per second at 4 connections (target ≥ 40/s)
//   4. /verifier/<code>?s=… and GET /api/attestations/verify/<code>?s=… at 50 connections: p99
//      (target ≤ 100 ms) and req/s against a trivial Next JSON handler (/api/health) in the same run
//      (target ≥ 0.8×), and against a bare node:http server.
// Usage: node bench/attestations.mjs  (env: DATABASE_URL base, BENCH_DURATION seconds, BENCH_SKIP_BUILD=1)
// Results: printed, and written to bench/results/attestations-<timestamp>.json.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { encode } from 'next-auth/jwt';
import { freePort, run } from '../scripts/lib/process.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

const duration = Number(process.env.BENCH_DURATION) || 10;
const distDir = '.next-bench';
const baseDbUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = 'espace_bench_att';

async function waitFor(url, child, log) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not answer:\n${log()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ timeout: 30, ...opts }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

function summary(res) {
  return {
    requests: res.requests.total,
    non2xx: res.non2xx,
    errors: res.errors + res.timeouts,
    reqPerSec: Math.round(res.requests.average * 10) / 10,
    p50: res.latency.p50,
    p99: res.latency.p99,
  };
}

// ---- database -------------------------------------------------------------------------------------
const admin = new URL(baseDbUrl);
admin.pathname = '/postgres';
const adminSql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
await adminSql.unsafe(`drop database if exists ${dbName} with (force)`);
await adminSql.unsafe(`create database ${dbName}`);
await adminSql.end();
const dbUrl = new URL(baseDbUrl);
dbUrl.pathname = `/${dbName}`;

const port = await freePort();
const baseUrl = `http://localhost:${port}`;
const authSecret = crypto.randomBytes(32).toString('base64url');
const dataDir = path.join(root, '.data', `bench-att-${port}`);
const env = {
  ...process.env,
  APP_ENV: 'test',
  NEXT_DIST_DIR: distDir,
  DATA_DIR: dataDir,
  DATABASE_URL: dbUrl.toString(),
  APP_URL: baseUrl,
  AUTH_SECRET: authSecret,
  AUTH_TRUST_HOST: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  RESEND_API_KEY: '',
  MAIL_DISPATCH_INTERVAL_MS: '600000',
};
run('npx', ['tsx', '--import', './scripts/server-only-shim.mjs', 'db/cli/seed.ts'], env);

if (process.env.BENCH_SKIP_BUILD !== '1' || !fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
  run('node', ['node_modules/next/dist/bin/next', 'build'], { ...env, NODE_ENV: 'production' });
}

// A signed-in member of the up-to-date demo company: a session row and its Auth.js cookie.
const sql = postgres(dbUrl.toString(), { max: 2, onnotice: () => {} });
const [member] = await sql`
  select u.id as user_id, o.id as company_id from users u
  join organisation_members m on m.user_id = u.id join organisations o on o.id = m.organisation_id
  where u.email = 'bureau@charpentes-champenoises.test'`;
const [session] = await sql`insert into sessions (user_id, expires_at) values (${member.user_id}, now() + interval '12 hours') returning id`;
const cookieName = 'authjs.session-token';
const jwt = await encode({ token: { sub: member.user_id, sid: session.id }, secret: authSecret, salt: cookieName, maxAge: 12 * 3600 });
const cookie = `${cookieName}=${jwt}`;

// ---- servers --------------------------------------------------------------------------------------
const server = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
  env: { ...env, NODE_ENV: 'production' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));

const barePort = await freePort();
const bare = spawn(
  'node',
  ['-e', `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'application/json'); s.end('{"status":"ok"}'); }).listen(${barePort})`],
  { stdio: 'ignore', detached: true },
);

const stop = () => {
  for (const child of [server, bare]) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  }
};
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

try {
  await waitFor(`${baseUrl}/api/health`, server, () => serverLog);
  await waitFor(`http://127.0.0.1:${barePort}/`, bare, () => '');

  const issue = {
    url: `${baseUrl}/espace/attestations/telecharger`,
    method: 'POST',
    headers: { cookie, origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: `companyId=${member.company_id}`,
  };
  // Warm-up: the first render of a process loads fonts and the PDF layout engine.
  const warm = await cannon({ ...issue, connections: 1, amount: 20 });
  if (warm.non2xx || warm.errors) throw new Error(`issue warm-up failed (${warm.non2xx} non-2xx)\n${serverLog.slice(-3000)}`);

  const results = { loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 10) / 10) };
  results.firstDownload1 = summary(await cannon({ ...issue, connections: 1, amount: 200 }));

  const [att] = await sql`select number, code, signed_payload from attestations order by issued_at desc limit 1`;
  const pdfUrl = `${baseUrl}/espace/attestations/${att.number}/pdf`;
  await cannon({ url: pdfUrl, headers: { cookie }, connections: 1, amount: 100 });
  results.redownload1 = summary(await cannon({ url: pdfUrl, headers: { cookie }, connections: 1, amount: 1000 }));

  results.firstDownload4 = summary(await cannon({ ...issue, connections: 4, duration }));

  // Verifiers come from many addresses (the limit is per IP): each request gets its own X-Forwarded-For.
  let ipSeq = 0;
  const manyIps = [
    {
      setupRequest: (req) => {
        ipSeq++;
        return { ...req, headers: { ...req.headers, 'x-forwarded-for': `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}` } };
      },
    },
  ];
  const formatted = att.code.match(/.{4}/g).join('-');
  const pageUrl = `${baseUrl}/verifier/${formatted}?s=${att.signed_payload}`;
  const apiUrl = `${baseUrl}/api/attestations/verify/${formatted}?s=${att.signed_payload}`;
  const check = await (await fetch(apiUrl)).json();
  if (check.verdict !== 'valid' || check.signature !== 'verified') throw new Error(`unexpected verdict ${JSON.stringify(check)}`);

  const at50 = (url, requests) => cannon({ url, connections: 50, duration, requests });
  await cannon({ url: `${baseUrl}/api/health`, connections: 50, duration: 2 });
  results.trivialNext50 = summary(await at50(`${baseUrl}/api/health`));
  // The ceiling of any page under the public layout: /verifier itself (a form, no verification).
  await cannon({ url: `${baseUrl}/verifier`, connections: 50, duration: 2 });
  results.formPage50 = summary(await at50(`${baseUrl}/verifier`));
  await cannon({ url: pageUrl, connections: 50, duration: 2, requests: manyIps });
  results.verifierPage50 = summary(await at50(pageUrl, manyIps));
  await cannon({ url: apiUrl, connections: 50, duration: 2, requests: manyIps });
  results.verifyApi50 = summary(await at50(apiUrl, manyIps));
  results.bareNodeHttp50 = summary(await at50(`http://127.0.0.1:${barePort}/`));

  const [{ n }] = await sql`select count(*)::int as n from attestation_verifications`;
  results.verificationsRecorded = n;

  const ratio = (a, b) => Math.round((results[a].reqPerSec / results[b].reqPerSec) * 100) / 100;
  results.ratios = {
    verifierPageVsTrivialNext: ratio('verifierPage50', 'trivialNext50'),
    verifyApiVsTrivialNext: ratio('verifyApi50', 'trivialNext50'),
    trivialNextVsBareNode: ratio('trivialNext50', 'bareNodeHttp50'),
    verifierPageVsBareNode: ratio('verifierPage50', 'bareNodeHttp50'),
    verifierPageVsFormPage: ratio('verifierPage50', 'formPage50'),
    verifyApiVsBareNode: ratio('verifyApi50', 'bareNodeHttp50'),
  };

  const line = (label, r, target) =>
    console.log(`${label.padEnd(44)} p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  ${String(r.reqPerSec).padStart(8)} req/s  (${r.requests} req, ${r.non2xx} non-2xx, ${r.errors} err)  ${target}`);
  results.loadAverage = os.loadavg().map((l) => Math.round(l * 10) / 10);
  console.log(`\nAttestations — PostgreSQL, next start, ${duration} s runs, ${new Date().toISOString()}, load average ${results.loadAverageAtStart[0]} at start, ${results.loadAverage[0]} at end (${os.cpus().length} CPUs)`);
  line('first download, 1 connection', results.firstDownload1, 'target p50 ≤ 40 ms');
  line('re-download (stored bytes), 1 connection', results.redownload1, 'target p50 ≤ 5 ms');
  line('first downloads, 4 connections', results.firstDownload4, 'target ≥ 40/s');
  line('trivial Next JSON (/api/health), 50 conn.', results.trivialNext50, 'baseline');
  line('/verifier (form page, same layout), 50 c.', results.formPage50, 'page baseline');
  line('/verifier/<code>?s=…, 50 connections', results.verifierPage50, `p99 ≤ 100 ms, ${results.ratios.verifierPageVsTrivialNext}× trivial (≥ 0.8)`);
  line('/api/attestations/verify/<code>?s=…, 50 c.', results.verifyApi50, `p99 ≤ 100 ms, ${results.ratios.verifyApiVsTrivialNext}× trivial (≥ 0.8)`);
  line('bare node:http JSON, 50 connections', results.bareNodeHttp50, `trivial Next = ${results.ratios.trivialNextVsBareNode}× bare`);
  console.log(`verifications recorded: ${n}; ratios: ${JSON.stringify(results.ratios)}`);

  fs.mkdirSync('bench/results', { recursive: true });
  const out = `bench/results/attestations-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  fs.writeFileSync(out, JSON.stringify({ duration, ...results }, null, 2));
  console.log(`→ ${out}`);
} finally {
  await sql.end();
  stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
