import { loadEnv } from '@/lib/env';
import { openDatabase } from '../client';
import { migrateDatabase } from '../migrate';
import { seedReference } from '../seed';

async function main() {
  const env = loadEnv();
  const handle = env.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: env.databaseUrl, max: 2 })
    : await openDatabase({ kind: 'pglite', dir: env.pgliteDir });
  try {
    await migrateDatabase(handle, { postgresUrl: env.databaseUrl });
    await seedReference(handle.db);
    console.log(`Migrations appliquées / migrations applied (${handle.kind}).`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
