import path from 'node:path';
import type { DbHandle } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/**
 * Applies the committed drizzle-kit migrations. On PostgreSQL an advisory lock serialises instances that
 * start together behind a load balancer.
 */
export async function migrateDatabase(handle: DbHandle, options: { postgresUrl?: string } = {}): Promise<void> {
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder });
    return;
  }
  if (!options.postgresUrl) throw new Error('postgresUrl is required to migrate PostgreSQL');
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // One connection, so the session-level advisory lock covers every statement of the migration.
  const client = postgres(options.postgresUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(727001)`;
    await migrate(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(727001)`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
