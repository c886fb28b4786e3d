#!/usr/bin/env node
// Runs the Playwright suites against a production build (`next build` + `next start`) on a fresh
// database: an embedded PGlite folder, or, when DATABASE_URL is set, a fresh PostgreSQL database.
// Extra arguments go to `playwright test` (e.g. `npm run test:e2e -- tests/e2e/public`).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { freePort, run } from './lib/process.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

const port = Number(process.env.E2E_PORT) || (await freePort());
const distDir = process.env.NEXT_DIST_DIR || '.next-e2e';
const dataDir = path.join(root, '.data', `e2e-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
const baseUrl = `http://localhost:${port}`;

const env = {
  ...process.env,
  APP_ENV: 'test',
  NEXT_DIST_DIR: distDir,
  DATA_DIR: dataDir,
  APP_URL: baseUrl,
  AUTH_SECRET: process.env.AUTH_SECRET || crypto.randomBytes(32).toString('base64url'),
  AUTH_TRUST_HOST: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  RESEND_API_KEY: '',
};

if (process.env.DATABASE_URL) {
  const u = new URL(process.env.DATABASE_URL);
  const name = `espace_e2e_${port}`;
  const admin = new URL(u);
  admin.pathname = '/postgres';
  const { default: postgres } = await import('postgres');
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists ${name} with (force)`);
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  u.pathname = `/${name}`;
  env.DATABASE_URL = u.toString();
  run('npx', ['tsx', '--import', './scripts/server-only-shim.mjs', 'db/cli/seed.ts'], env);
}

if (process.env.E2E_SKIP_BUILD !== '1' || !fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
  run('node', ['node_modules/next/dist/bin/next', 'build'], { ...env, NODE_ENV: 'production' });
}

const server = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
  env: { ...env, NODE_ENV: 'production' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {}
};
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

const deadline = Date.now() + 90_000;
for (;;) {
  if (server.exitCode !== null) {
    console.error(serverLog);
    console.error('Le serveur de test s’est arrêté / the test server exited');
    process.exit(1);
  }
  try {
    const res = await fetch(`${baseUrl}/`);
    if (res.ok) break;
  } catch {}
  if (Date.now() > deadline) {
    console.error(serverLog);
    console.error('Le serveur de test ne répond pas / the test server did not answer');
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 300));
}

const pw = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...env, E2E_BASE_URL: baseUrl },
});
if (pw.status !== 0 && process.env.E2E_SHOW_SERVER_LOG !== '0') console.error(serverLog.slice(-5000));
stop();
if (process.env.DATABASE_URL) {
  // leave the e2e database for inspection; the next run drops it
}
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(pw.status ?? 1);
