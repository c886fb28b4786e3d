#!/usr/bin/env node
// Scrolling the leave team view in the browser (issue 7, « Speed »: "stays smooth to scroll, no layout
// thrash"). Builds the app (unless BENCH_SKIP_BUILD=1 and a build exists in NEXT_DIST_DIR, default
// .next-bench), seeds a fresh database (PostgreSQL `espace_bench_scroll` when DATABASE_URL is set, else a
// fresh DATA_DIR) with a company of 300 workers, each with a leave this month, and its administrator
// (bench/leave-scroll-seed.ts), starts `next start`, signs in through /connexion with Playwright
// (Chromium), opens /espace/conges, then:
//   1. scrolls the calendar region with the mouse wheel, 30 steps right (25 px) then 30 steps down (120 px), 16 ms apart, while Chrome
//      DevTools Protocol records Performance.getMetrics (layouts, style recalcs, their durations, script
//      and task time) and the page records requestAnimationFrame intervals;
//   2. goes to the next month and back twice (« Mois suivant → », « ← Mois précédent »): time from the
//      click to the new month's table shown.
// Targets: layouts during the 60 scroll steps ≤ 5 (scrolling must not relayout), frame interval p95 ≤ 33 ms
// and max ≤ 100 ms. Prints a table with PASS/FAIL and writes bench/results/leave-scroll.json.
//   node bench/leave-scroll.mjs   (env: DATABASE_URL, BENCH_SKIP_BUILD=1, NEXT_DIST_DIR, BENCH_SCROLL_STEPS (60),
//   BENCH_SCROLL_WIDTH (viewport, 1024 px), BENCH_SCROLL_TRACE=<file>: also record Chrome's timeline there)
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { freePort, run } from '../scripts/lib/process.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

const distDir = process.env.NEXT_DIST_DIR || '.next-bench';
const steps = Number(process.env.BENCH_SCROLL_STEPS) || 60;
const dbName = 'espace_bench_scroll';
// 1024 px: a laptop where the 31 days do not fit, so the region scrolls both ways.
const width = Number(process.env.BENCH_SCROLL_WIDTH) || 1024;
const traceFile = process.env.BENCH_SCROLL_TRACE; // a path: Chrome's performance timeline of the scroll, for DevTools
const targets = { scrollLayouts: 5, frameP95Ms: 33, frameMaxMs: 100 };

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = path.join(root, '.data', `bench-scroll-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
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
  MAIL_DISPATCH_INTERVAL_MS: '600000',
};

let server;
let browser;
let dropDatabase = async () => {};
async function cleanUp() {
  await browser?.close().catch(() => {});
  if (server) {
    try {
      process.kill(-server.pid, 'SIGTERM'); // its process group: `next start` leaves children behind otherwise
    } catch {}
    server = undefined;
    await new Promise((r) => setTimeout(r, 500));
  }
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
async function fail(message) {
  console.error(`\n✖ ${message}`);
  await cleanUp();
  process.exit(1);
}
process.on('SIGINT', () => cleanUp().then(() => process.exit(130)));

// ---- database and data ------------------------------------------------------------------------------
if (process.env.DATABASE_URL) {
  const { default: postgres } = await import('postgres');
  const admin = new URL(process.env.DATABASE_URL);
  admin.pathname = '/postgres';
  const adminSql = () => postgres(admin.toString(), { max: 1, onnotice: () => {} });
  const sql = adminSql();
  await sql.unsafe(`drop database if exists ${dbName} with (force)`);
  await sql.unsafe(`create database ${dbName}`);
  await sql.end();
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${dbName}`;
  env.DATABASE_URL = u.toString();
  dropDatabase = async () => {
    const s = adminSql();
    await s.unsafe(`drop database if exists ${dbName} with (force)`);
    await s.end();
  };
  console.log(`▶ Base PostgreSQL neuve / fresh PostgreSQL database: ${dbName}`);
} else {
  console.log(`▶ PGlite embarqué / embedded PGlite in ${path.relative(root, dataDir)}`);
}
const seeded = spawnSync('npx', ['tsx', '--import', './scripts/server-only-shim.mjs', 'bench/leave-scroll-seed.ts', '300'], {
  env: { ...env, NODE_ENV: 'development' },
  encoding: 'utf8',
});
const seedJson = /^SEED_JSON (.*)$/m.exec(seeded.stdout ?? '')?.[1];
if (!seedJson) await fail(`bench/leave-scroll-seed.ts a échoué / failed:\n${seeded.stdout}${seeded.stderr}`);
const account = JSON.parse(seedJson);

// ---- build and server ---------------------------------------------------------------------------------
if (process.env.BENCH_SKIP_BUILD !== '1' || !fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
  console.log(`▶ next build → ${distDir}`);
  run('node', ['node_modules/next/dist/bin/next', 'build'], { ...env, NODE_ENV: 'production' }, () => fail('next build a échoué / failed'));
}
server = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
  env: { ...env, NODE_ENV: 'production' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));
const deadline = Date.now() + 90_000;
for (;;) {
  if (server.exitCode !== null) await fail(`next start s’est arrêté / exited:\n${serverLog}`);
  if (await fetch(`${baseUrl}/`).then((r) => r.ok, () => false)) break;
  if (Date.now() > deadline) await fail(`next start ne répond pas / did not answer:\n${serverLog}`);
  await new Promise((r) => setTimeout(r, 300));
}

// ---- browser ------------------------------------------------------------------------------------------
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
const page = await context.newPage();

try {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill(account.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/espace'), { timeout: 30_000 });

  const t0 = Date.now();
  await page.goto('/espace/conges');
  const region = page.getByRole('region', { name: 'Calendrier de l’équipe' });
  await region.locator('tbody tr').nth(299).waitFor({ state: 'attached' });
  const firstLoadMs = Date.now() - t0;
  const rows = await region.locator('tbody tr').count();
  if (rows !== 300) await fail(`${rows} lignes au lieu de 300 / rows instead of 300`);
  await page.waitForTimeout(1000); // let hydration and idle work settle

  // ---- scrolling ----
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  // The region (75vh high) at the top of the viewport, the pointer in its middle: the wheel scrolls it.
  await region.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  const box = await region.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    let last = performance.now();
    const tick = (t) => {
      w.__frames.push(t - last);
      last = t;
      if (!w.__stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  });
  if (traceFile) await browser.startTracing(page, { path: traceFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink', 'cc', 'gpu', 'viz'] });
  const before = await metrics();
  const start = await region.evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop }));
  const scrollT0 = Date.now();
  for (let i = 0; i < steps; i++) {
    if (i < steps / 2) await page.mouse.wheel(25, 0);
    else await page.mouse.wheel(0, 120);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(300);
  const scrollMs = Date.now() - scrollT0;
  const after = await metrics();
  if (traceFile) {
    await browser.stopTracing();
    // The renderer's main thread: which events took the time while scrolling.
    const { traceEvents } = JSON.parse(fs.readFileSync(traceFile, 'utf8'));
    const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const totals = new Map();
    for (const e of traceEvents) if (e.ph === 'X' && e.dur && (!main || (e.pid === main.pid && e.tid === main.tid))) totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
    console.log(`Trace ${traceFile}, renderer main thread, top events (ms): ${[...totals].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}`);
  }
  const frames = await page.evaluate(() => {
    window.__stopFrames = true;
    return window.__frames;
  });
  const end = await region.evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop }));
  if (end.left <= start.left || end.top <= start.top) await fail(`la zone n’a pas défilé / the region did not scroll: ${JSON.stringify({ start, end })}`);
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);

  const sorted = [...frames].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const r1 = (x) => Math.round(x * 10) / 10;
  const delta = (k) => after[k] - before[k];
  const scroll = {
    steps,
    scrolled: { left: end.left - start.left, top: end.top - start.top },
    durationMs: scrollMs,
    layoutCount: delta('LayoutCount'),
    recalcStyleCount: delta('RecalcStyleCount'),
    layoutDurationMs: r1(delta('LayoutDuration') * 1000),
    recalcStyleDurationMs: r1(delta('RecalcStyleDuration') * 1000),
    scriptDurationMs: r1(delta('ScriptDuration') * 1000),
    taskDurationMs: r1(delta('TaskDuration') * 1000),
    frames: { count: frames.length, p50Ms: r1(pct(50)), p95Ms: r1(pct(95)), maxMs: r1(sorted[sorted.length - 1]), over50Ms: frames.filter((f) => f > 50).length },
  };

  // ---- month navigation ----
  const navigations = [];
  const monthAfter = (m, n) => {
    const d = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1 + n, 1));
    return d.toISOString().slice(0, 7);
  };
  let month = account.month;
  for (const [label, n] of [['Mois suivant →', 1], ['Mois suivant →', 1], ['← Mois précédent', -1], ['← Mois précédent', -1]]) {
    const target = monthAfter(month, n);
    const t = Date.now();
    await page.getByRole('link', { name: label }).click();
    await page.locator(`nav[aria-label="Mois de l’année de congés"] a[aria-current="page"][href$="mois=${target}"]`).waitFor();
    await region.locator('tbody tr').nth(299).waitFor({ state: 'visible' });
    navigations.push({ from: month, to: target, ms: Date.now() - t });
    month = target;
  }
  const navSorted = navigations.map((n) => n.ms).sort((a, b) => a - b);

  const checks = [
    { what: `layouts while scrolling (${steps} wheel steps)`, value: scroll.layoutCount, target: `≤ ${targets.scrollLayouts}`, pass: scroll.layoutCount <= targets.scrollLayouts },
    { what: 'frame interval p95 (ms)', value: scroll.frames.p95Ms, target: `≤ ${targets.frameP95Ms}`, pass: scroll.frames.p95Ms <= targets.frameP95Ms },
    { what: 'frame interval max (ms)', value: scroll.frames.maxMs, target: `≤ ${targets.frameMaxMs}`, pass: scroll.frames.maxMs <= targets.frameMaxMs },
  ];
  const info = [
    ['style recalcs while scrolling', scroll.recalcStyleCount],
    ['layout / style / script / task time while scrolling (ms)', `${scroll.layoutDurationMs} / ${scroll.recalcStyleDurationMs} / ${scroll.scriptDurationMs} / ${scroll.taskDurationMs}`],
    ['frames recorded, p50 interval (ms), frames > 50 ms', `${scroll.frames.count}, ${scroll.frames.p50Ms}, ${scroll.frames.over50Ms}`],
    ['scrolled (px, left / top)', `${scroll.scrolled.left} / ${scroll.scrolled.top}`],
    ['DOM elements on the page', domNodes],
    ['first load of /espace/conges (ms)', firstLoadMs],
    ['month navigation, click → new table (ms)', `${navigations.map((n) => n.ms).join(', ')} (median ${navSorted[Math.floor(navSorted.length / 2)]})`],
  ];
  console.log(`\nLeave team view in Chromium, 300 workers, ${account.month} (${process.env.DATABASE_URL ? 'postgres' : 'pglite'}; ${os.cpus().length} CPU, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}):`);
  const rowsOut = [...checks.map((c) => [c.what, String(c.value), c.target, c.pass ? 'PASS' : 'FAIL']), ...info.map(([w, v]) => [w, String(v), '', ''])];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rowsOut.map((r) => r[i].length), ['figure', 'value', 'target', ''][i].length));
  const line = (cells) => `| ${cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  console.log(line(['figure', 'value', 'target', '']));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rowsOut) console.log(line(r));

  const report = {
    date: new Date().toISOString(),
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim(),
    engine: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    browser: `chromium ${browser.version()} headless, --disable-gpu, ${width}×800`,
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg() },
    workers: 300,
    month: account.month,
    targets,
    scroll,
    domNodes,
    firstLoadMs,
    navigations,
    pass: checks.every((c) => c.pass),
  };
  const outDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'leave-scroll.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nRésultats / results: bench/results/leave-scroll.json — ${report.pass ? 'PASS' : 'FAIL'}`);
  console.log(`BENCH_JSON ${JSON.stringify(report)}`);
} catch (err) {
  await fail(`${err?.stack ?? err}\n${serverLog.slice(-3000)}`);
}
await cleanUp();
process.exit(0);
