import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
/** Both drivers (PGlite, postgres.js) produce a PgDatabase; code depends on this common type only. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export type DbHandle = {
  db: Db;
  kind: DbKind;
  close: () => Promise<void>;
};

export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    public readonly dir: string,
    public readonly holderPid: number,
  ) {
    super(
      `La base de données embarquée (${dir}) est déjà utilisée par le processus ${holderPid}. ` +
        `Arrêtez-le (par exemple le serveur « npm run dev ») ou utilisez PostgreSQL avec DATABASE_URL.\n` +
        `The embedded database (${dir}) is already in use by process ${holderPid}. ` +
        `Stop it (e.g. the "npm run dev" server) or use PostgreSQL with DATABASE_URL.`,
    );
    this.name = 'EmbeddedDatabaseBusyError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no process lock: two processes on one data folder silently diverge. We take an exclusive
 * lock file holding our pid; a stale lock (dead pid) is taken over.
 */
export function acquireEmbeddedLock(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(lockFile, 'utf8').trim(), 10);
      if (holder === process.pid) return () => {};
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new EmbeddedDatabaseBusyError(dir, holder);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller ${lockFile} / could not lock ${lockFile}`);
}

export type OpenOptions =
  | { kind: 'postgres'; url: string; max?: number }
  | { kind: 'pglite'; dir?: string /* undefined: in memory */ };

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  if (options.kind === 'postgres') {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    const db = drizzle(client, { schema }) as unknown as Db;
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release = () => {};
  if (options.dir) {
    release = acquireEmbeddedLock(options.dir);
    fs.mkdirSync(options.dir, { recursive: true });
  }
  try {
    const client = options.dir ? await PGlite.create(options.dir) : await PGlite.create();
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
