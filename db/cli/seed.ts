import { loadEnv } from '@/lib/env';
import { openDatabase } from '../client';
import { migrateDatabase } from '../migrate';
import { seedDemo, seedReference } from '../seed';

async function main() {
  const force = process.argv.includes('--force');
  const env = loadEnv();
  if ((process.env.NODE_ENV === 'production' || env.isProduction) && !force) {
    console.error(
      'Refus : les données de démonstration ne se chargent pas en production (ajoutez --force si vous êtes sûr).\n' +
        'Refused: demo data is not loaded in production (add --force if you are sure).',
    );
    process.exit(2);
  }
  const handle = env.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: env.databaseUrl, max: 2 })
    : await openDatabase({ kind: 'pglite', dir: env.pgliteDir });
  try {
    await migrateDatabase(handle, { postgresUrl: env.databaseUrl });
    await seedReference(handle.db);
    await seedDemo(handle.db, { appUrl: env.appUrl });
    console.log(`Données de démonstration chargées / demo data loaded (${handle.kind}).`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
