import { getEnv } from '@/lib/env';
import { openDatabase, type Db, type DbHandle } from './client';

export type { Db } from './client';

// Kept on globalThis: Next dev reloads modules (and instrumentation runs in its own module graph),
// but the process must hold one client and, for PGlite, one open data folder.
const store = globalThis as unknown as { __espaceDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  store.__espaceDb ??= (async () => {
    const env = getEnv();
    return env.databaseUrl
      ? openDatabase({ kind: 'postgres', url: env.databaseUrl, max: env.dbPoolMax, prepare: env.dbPreparedStatements })
      : openDatabase({ kind: 'pglite', dir: env.pgliteDir });
  })();
  return store.__espaceDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests (and CLIs) install their own database. */
export function setDbHandle(handle: DbHandle): void {
  store.__espaceDb = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const current = store.__espaceDb;
  store.__espaceDb = undefined;
  if (current) await (await current).close();
}
