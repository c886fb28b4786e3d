import fs from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Db, type DbHandle, type DbKind } from '@/db/client';
import { closeDb, setDbHandle } from '@/db';
import { adminUrl, databaseUrlFor } from './pg-urls';

/** Engines every integration suite runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const engines: DbKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

let counter = 0;

/** A fresh, migrated database with reference data, cloned from the run's template. */
export async function createTestDatabase(kind: DbKind): Promise<DbHandle> {
  if (kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const schema = await import('@/db/schema');
    const client = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) });
    return { kind, db: drizzle(client, { schema }) as unknown as Db, close: () => client.close() };
  }
  const base = process.env.DATABASE_URL!;
  const name = `espace_t_${process.ppid}_${process.pid}_${++counter}`;
  const { default: postgres } = await import('postgres');
  const admin = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${inject('postgresTemplate')}`);
  await admin.end();
  const handle = await openDatabase({ kind: 'postgres', url: databaseUrlFor(base, name), max: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const a = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * Registers a fresh database for the enclosing describe block and installs it as the app's database
 * (what getDb() returns). Returns a getter, valid inside tests.
 */
export function useTestDatabase(kind: DbKind): () => Db {
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    setDbHandle(handle);
  });
  afterAll(async () => {
    await closeDb();
  });
  return () => {
    if (!handle) throw new Error('test database not ready');
    return handle.db;
  };
}
