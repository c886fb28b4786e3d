// Sign-in time in-process, argon2id included: median and p90 of N runs of signInWithPassword (what
// Auth.js's authorize() runs), on PGlite in memory and, when DATABASE_URL is set, on PostgreSQL.
//   npx tsx --import ./scripts/server-only-shim.mjs bench/sign-in.ts [N]
import Module from 'node:module';
import type { DbHandle } from '@/db/client';

// tsx compiles this project's .ts files as CommonJS, where scripts/server-only-shim.mjs (an ESM
// resolve hook) does not apply: stub `server-only` in the require cache before loading lib/.
const requireHere = Module.createRequire(__filename);
requireHere.cache[requireHere.resolve('server-only')] = { exports: {} } as NodeJS.Module;

const n = Number(process.argv[2]) || 40;
const policy = { idleMinutes: 30, maxHours: 12 };

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(1)} ms · p90 ${at(0.9).toFixed(1)} ms · min ${s[0]!.toFixed(1)} ms (n=${s.length})`;
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function run(label: string, handle: DbHandle) {
  const { signInWithPassword } = await import('@/lib/auth/sign-in');
  const { createTestUser } = await import('@/lib/dev/test-users');
  const db = handle.db;
  const user = await createTestUser(db, { organisationSiret: null });
  const others = await Promise.all(Array.from({ length: n }, () => createTestUser(db, { organisationSiret: null })));
  let ip = 0;
  const nextIp = () => `10.9.${Math.floor(++ip / 250)}.${ip % 250}`;
  // Warm-up: first argon2 call, first queries, the timing equaliser's dummy hash.
  for (let i = 0; i < 3; i++) await signInWithPassword(db, { email: user.email, password: user.password, ip: nextIp(), userAgent: 'bench' }, policy);
  await signInWithPassword(db, { email: 'warm@inconnu.test', password: 'x', ip: nextIp(), userAgent: 'bench' }, policy);

  const success: number[] = [];
  const wrong: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < n; i++) {
    success.push(await time(() => signInWithPassword(db, { email: user.email, password: user.password, ip: nextIp(), userAgent: 'bench' }, policy)));
    wrong.push(await time(() => signInWithPassword(db, { email: others[i]!.email, password: 'mauvais-mot-de-passe', ip: nextIp(), userAgent: 'bench' }, policy)));
    unknown.push(await time(() => signInWithPassword(db, { email: `absent-${i}@inconnu.test`, password: 'mauvais-mot-de-passe', ip: nextIp(), userAgent: 'bench' }, policy)));
  }
  console.log(`\n${label}`);
  console.log(`  success (new session)     ${stats(success)}`);
  console.log(`  wrong password            ${stats(wrong)}`);
  console.log(`  unknown email             ${stats(unknown)}`);
}

async function main() {
  const { openDatabase } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  const { seedReference } = await import('@/db/seed');
  const { hashPassword, verifyPassword } = await import('@/lib/auth/password');
  const hash = await hashPassword('Demo-Rhenane-2026!');
  const verifies: number[] = [];
  for (let i = 0; i < n; i++) verifies.push(await time(() => verifyPassword(hash, 'Demo-Rhenane-2026!')));
  console.log(`argon2id verify alone (m=19 MiB, t=2, p=1): ${stats(verifies)}`);

  const pglite = await openDatabase({ kind: 'pglite' });
  await migrateDatabase(pglite);
  await seedReference(pglite.db);
  await run('PGlite (in memory)', pglite);
  await pglite.close();

  if (process.env.DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const base = new URL(process.env.DATABASE_URL);
    const name = `espace_bench_${process.pid}`;
    const admin = new URL(base);
    admin.pathname = '/postgres';
    const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
    await sql.unsafe(`create database ${name}`);
    base.pathname = `/${name}`;
    const pg = await openDatabase({ kind: 'postgres', url: base.toString(), max: 5 });
    try {
      await migrateDatabase(pg, { postgresUrl: base.toString() });
      await seedReference(pg.db);
      await run('PostgreSQL', pg);
    } finally {
      await pg.close();
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
