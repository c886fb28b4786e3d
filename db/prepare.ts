import { sql } from 'drizzle-orm';
import type { Env } from '@/lib/env';
import type { DbHandle } from './client';
import { migrateDatabase } from './migrate';
import { seedDemo, seedReference } from './seed';
import { organisations } from './schema';

/**
 * What the server does at start (instrumentation.ts): apply migrations, load reference data, and on the
 * embedded database outside production, load the demo data the first time.
 */
export async function prepareDatabase(handle: DbHandle, env: Env): Promise<void> {
  await migrateDatabase(handle, { postgresUrl: env.databaseUrl });
  await seedReference(handle.db);
  if (handle.kind === 'pglite' && !env.isProduction) {
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(organisations);
    if (!row || row.n === 0) await seedDemo(handle.db, { appUrl: env.appUrl });
  }
}
