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
        `Stop it (e.g. the "npm run dev" server) or use PostgreSQL with DATABASE_URL.\n` +
        `(Si le processus ${holderPid} n’a rien à voir avec cette base, supprimez ${dir}.lock / ` +
        `if process ${holderPid} has nothing to do with this database, delete ${dir}.lock.)`,
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

// Data folders this process holds, on globalThis because Next may load this module in more than one
// module graph of the same process.
const heldLocks = ((globalThis as unknown as { __espaceEmbeddedLocks?: Set<string> }).__espaceEmbeddedLocks ??= new Set());

/**
 * PGlite has no process lock: two processes on one data folder silently diverge. We take an exclusive
 * lock file holding our pid; a stale lock (dead pid) is taken over.
 */
export function acquireEmbeddedLock(dir: string): () => void {
  const lockFile = `${path.resolve(dir)}.lock`;
  // A second PGlite on the same folder inside this very process diverges just the same.
  if (heldLocks.has(lockFile)) throw new EmbeddedDatabaseBusyError(dir, process.pid);
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 200; attempt++) {
    if (tryCreateLock(lockFile)) {
      heldLocks.add(lockFile);
      const release = () => {
        process.removeListener('exit', release);
        if (!heldLocks.delete(lockFile)) return;
        if (readLock(lockFile) === String(process.pid)) fs.rmSync(lockFile, { force: true });
      };
      process.on('exit', release);
      return release;
    }
    const seen = readLock(lockFile);
    if (seen === undefined) continue; // released meanwhile
    const holder = Number.parseInt(seen, 10);
    // Our own pid but not in heldLocks: left by an earlier process that had the same pid (container restart).
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder))
      throw new EmbeddedDatabaseBusyError(dir, holder);
    if (!removeStaleLock(lockFile, seen)) sleepSync(5);
  }
  throw new Error(`Impossible de verrouiller ${lockFile} / could not lock ${lockFile}`);
}

/** Creates `file` holding our pid unless it exists. Written aside then hard-linked: link() fails when the
 * target exists, and nobody ever reads a half-written lock. */
function tryCreateLock(file: string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, String(process.pid));
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readLock(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Deleting a stale lock is itself serialised by a second lock file: otherwise two processes that both
 * read the stale pid could each delete it, the second deleting the fresh lock the first had just taken.
 * Only the holder of `.takeover` deletes, and only after reading the stale content again.
 * Returns false when another process is taking over (the caller waits and looks again).
 */
function removeStaleLock(lockFile: string, staleContent: string): boolean {
  const takeover = `${lockFile}.takeover`;
  if (!tryCreateLock(takeover)) {
    const other = Number.parseInt(readLock(takeover) ?? '', 10);
    // Held for microseconds; if its holder died in between, clear it (a crash inside that window is the
    // one case this scheme does not cover).
    if (!(Number.isInteger(other) && other > 0 && other !== process.pid && isAlive(other))) fs.rmSync(takeover, { force: true });
    return false;
  }
  try {
    if (readLock(lockFile) === staleContent) fs.rmSync(lockFile, { force: true });
  } finally {
    fs.rmSync(takeover, { force: true });
  }
  return true;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The rows of a `db.execute(sql…)` result: an array with postgres.js, `{ rows }` with PGlite. */
export function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

export type OpenOptions =
  | { kind: 'postgres'; url: string; max?: number; /** named prepared statements (default true) */ prepare?: boolean }
  | {
      kind: 'pglite';
      /** undefined: in memory */
      dir?: string;
      /** Start from a dumpDataDir() tarball instead of an empty cluster (tests: a migrated template). */
      loadDataDir?: Blob;
    };

/**
 * Drizzle's postgres-js driver asks for an unnamed statement on every query unless the query was built
 * with `.prepare(name)`; postgres.js then sends a query with parameters in TWO round trips (Parse +
 * Describe to learn the parameter types, then Bind + Execute) and PostgreSQL parses and plans it every
 * time. Named statements, cached per connection by postgres.js, take one round trip once known: the
 * session check, the access facts and every read of every page are one round trip each. Measured with
 * `npm run bench` (issue 5 figures in its note). Off with DB_PREPARED_STATEMENTS=false, for a
 * transaction-pooling PgBouncer that cannot keep named statements.
 */
function preparedByDefault(client: { unsafe: (...args: never[]) => unknown }): void {
  const unsafe = client.unsafe.bind(client) as (query: string, params?: unknown[], options?: Record<string, unknown>) => unknown;
  (client as unknown as { unsafe: typeof unsafe }).unsafe = (query, params, options) => unsafe(query, params, { ...options, prepare: true });
}

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  if (options.kind === 'postgres') {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    if (options.prepare !== false) preparedByDefault(client);
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
    const client = await PGlite.create(options.dir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : undefined);
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
