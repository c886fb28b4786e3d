// Times the wizard's identification step (SIRET + identifier + code) in-process, on an in-memory PGlite
// (and on PostgreSQL when BENCH_DATABASE_URL points at a throw-away database):
//   node --conditions=react-server --import tsx bench/onboarding-identify.ts
// (the react-server condition resolves `server-only` to its empty module; tsx compiles lib/ as CommonJS,
// which the ESM shim of scripts/server-only-shim.mjs does not reach).
// Paths: success; wrong code for known letters; unknown identifier (dummy argon2); letters already locked.
import crypto from 'node:crypto';
import { openDatabase, type DbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedReference } from '@/db/seed';
import { organisations, provisionalCredentials } from '@/db/schema';
import { hashCode, hashIdentifier } from '@/lib/onboarding/credentials';
import { createWizard, identifyWithLetters } from '@/lib/onboarding/wizard';

process.env.APP_ENV ??= 'test';
process.env.DATA_DIR ??= '.data/bench';
const secret = 'bench-letters-secret';
const runs = Number(process.env.BENCH_RUNS ?? 40);

function luhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let n = s.charCodeAt(s.length - 1 - i) - 48;
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return String(d);
  }
  throw new Error('unreachable');
}
function siret(): string {
  const siren = String(crypto.randomInt(10_000_000, 99_999_999));
  const s9 = siren + luhnDigit(siren);
  const nic = String(crypto.randomInt(0, 9999)).padStart(4, '0');
  return s9 + nic + luhnDigit(s9 + nic);
}

async function company(handle: DbHandle) {
  const s = siret();
  const [org] = await handle.db
    .insert(organisations)
    .values({ kind: 'company', siret: s, name: `Bench ${s}`, addressLine: '1 rue', postcode: '54000', city: 'Nancy' })
    .returning();
  const identifier = `GE-B-${crypto.randomBytes(4).toString('hex')}`;
  const code = 'K7Q4-M2XP';
  await handle.db.insert(provisionalCredentials).values({
    organisationId: org!.id,
    identifierHash: hashIdentifier(identifier, secret),
    codeHash: await hashCode(code),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { siret: s, identifier, code };
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: +q(0.5).toFixed(1), p90: +q(0.9).toFixed(1), min: +s[0]!.toFixed(1), max: +s[s.length - 1]!.toFixed(1) };
}

async function bench(handle: DbHandle) {
  await migrateDatabase(handle, { postgresUrl: process.env.BENCH_DATABASE_URL });
  await seedReference(handle.db);
  const paths: Record<string, number[]> = { success: [], wrongCode: [], unknownIdentifier: [], alreadyLocked: [] };
  const locked = await company(handle);
  await handle.db.update(provisionalCredentials).set({ lockedAt: new Date() });
  for (let i = 0; i < runs; i++) {
    const c = await company(handle);
    const meta = { ip: `198.51.100.${i % 250}`, userAgent: 'bench' };
    for (const [name, values] of [
      ['wrongCode', { siret: c.siret, identifier: c.identifier, code: 'ZZZZ-ZZZZ' }],
      ['unknownIdentifier', { siret: c.siret, identifier: 'GE-0000-000000', code: c.code }],
      ['alreadyLocked', { siret: locked.siret, identifier: locked.identifier, code: locked.code }],
      ['success', { siret: c.siret, identifier: c.identifier, code: c.code }],
    ] as const) {
      const { id } = await createWizard(handle.db);
      const t = performance.now();
      const r = await identifyWithLetters(handle.db, { wizardId: id, values, meta: { ...meta, ip: `${meta.ip}-${name}` } }, { lettersSecret: secret });
      const elapsed = performance.now() - t;
      const expected = { success: 'success', wrongCode: 'mismatch', unknownIdentifier: 'mismatch', alreadyLocked: 'locked' }[name];
      if (r.status !== expected) throw new Error(`${name}: expected ${expected}, got ${r.status}`);
      if (i > 0) paths[name]!.push(elapsed); // the first round warms argon2 and the query cache
    }
  }
  return Object.fromEntries(Object.entries(paths).map(([k, v]) => [k, stats(v)]));
}

async function main() {
  const pglite = await openDatabase({ kind: 'pglite' });
  console.log('PGlite (in memory), ms:', await bench(pglite));
  await pglite.close();
  if (process.env.BENCH_DATABASE_URL) {
    const pg = await openDatabase({ kind: 'postgres', url: process.env.BENCH_DATABASE_URL, max: 5 });
    console.log('PostgreSQL, ms:', await bench(pg));
    await pg.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
