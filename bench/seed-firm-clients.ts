// `tsx --import ./scripts/server-only-shim.mjs bench/seed-firm-clients.ts [clients]`: migrates the
// configured database (DATA_DIR's PGlite or DATABASE_URL), loads reference + demo data, then an
// accounting firm with N clients (default 200). Login: see db/seed-bench.ts (benchFirm).
import { loadEnv } from '@/lib/env';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo, seedReference } from '@/db/seed';
import { benchFirm, seedFirmWithClients } from '@/db/seed-bench';

async function main() {
  const clients = Number(process.argv[2] ?? 200);
  const env = loadEnv();
  if (env.isProduction) throw new Error('Refus : pas de données de banc d’essai en production / refused in production');
  const handle = env.databaseUrl ? await openDatabase({ kind: 'postgres', url: env.databaseUrl, max: 2 }) : await openDatabase({ kind: 'pglite', dir: env.pgliteDir });
  try {
    await migrateDatabase(handle, { postgresUrl: env.databaseUrl });
    await seedReference(handle.db);
    await seedDemo(handle.db, { appUrl: env.appUrl });
    const started = performance.now();
    await seedFirmWithClients(handle.db, { clients });
    console.log(`${benchFirm.name}: ${clients} clients (${handle.kind}, ${(performance.now() - started).toFixed(0)} ms) — ${benchFirm.email} / ${benchFirm.password}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
