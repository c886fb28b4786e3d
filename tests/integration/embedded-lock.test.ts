import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { acquireEmbeddedLock, EmbeddedDatabaseBusyError, openDatabase } from '@/db/client';

// PGlite has no lock of its own: these tests run real processes on a real data folder.
const root = path.resolve(__dirname, '../..');
const childScript = path.join(root, 'tests/support/embedded-lock-child.ts');
const children: ChildProcessWithoutNullStreams[] = [];
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'espace-lock-'));
  tempDirs.push(dir);
  return dir;
}

type Child = { process: ChildProcessWithoutNullStreams; nextLine: () => Promise<string> };

function startChild(mode: 'open' | 'acquire', dir: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, mode, dir], {
    cwd: root,
    env: { ...process.env, LOCK_TEST_PGLITE_TEMPLATE: inject('pgliteTemplate') },
  });
  children.push(child);
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d) => {
    buffer += d;
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  child.on('exit', (code) => {
    for (const w of waiters.splice(0)) w(`exited ${code}: ${stderr}`);
  });
  return {
    process: child,
    nextLine: () => (lines.length ? Promise.resolve(lines.shift()!) : new Promise((resolve) => waiters.push(resolve))),
  };
}

function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The pid of a process that has already ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await exited(child);
  }
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// Child processes opening a file-backed PGlite take seconds, and much longer on a loaded machine.
describe('embedded database lock (PGlite is single-process)', { timeout: 120_000 }, () => {
  it('refuses a second process with a French and English message, and lets it in once the holder died', async () => {
    const dir = path.join(tempDir(), 'pglite');
    const holder = startChild('open', dir);
    expect(await holder.nextLine()).toBe('ready');
    const pid = holder.process.pid!;

    const error = await openDatabase({ kind: 'pglite', dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddedDatabaseBusyError);
    expect((error as EmbeddedDatabaseBusyError).holderPid).toBe(pid);
    expect((error as Error).message).toContain(`La base de données embarquée (${dir}) est déjà utilisée par le processus ${pid}.`);
    expect((error as Error).message).toContain(`The embedded database (${dir}) is already in use by process ${pid}.`);
    expect(() => acquireEmbeddedLock(dir)).toThrow(EmbeddedDatabaseBusyError);

    // Killed without cleanup: the lock file still names it, but the pid is dead.
    holder.process.kill('SIGKILL');
    await exited(holder.process);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(pid));
    const handle = await openDatabase({ kind: 'pglite', dir });
    try {
      expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
      const rows = await handle.db.execute(sql`select pid from written_by_child`);
      expect((rows as unknown as { rows: { pid: number }[] }).rows).toEqual([{ pid }]);
    } finally {
      await handle.close();
    }
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('takes over a stale lock left by a dead process, and releases it', () => {
    const dir = path.join(tempDir(), 'pglite');
    fs.writeFileSync(`${dir}.lock`, String(deadPid()));
    const release = acquireEmbeddedLock(dir);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('refuses a second open of the same folder within one process', async () => {
    const dir = path.join(tempDir(), 'pglite');
    const release = acquireEmbeddedLock(dir);
    try {
      expect(() => acquireEmbeddedLock(path.join(dir, '.'))).toThrow(/déjà utilisée par le processus/);
    } finally {
      release();
    }
    acquireEmbeddedLock(dir)();
  });

  it('gives a stale lock to exactly one of several processes racing for it', async () => {
    const dir = path.join(tempDir(), 'pglite');
    fs.writeFileSync(`${dir}.lock`, String(deadPid()));
    const racers = Array.from({ length: 4 }, () => startChild('acquire', dir));
    for (const r of racers) expect(await r.nextLine()).toBe('waiting');
    for (const r of racers) r.process.stdin.write('go\n');
    const results = await Promise.all(racers.map((r) => r.nextLine()));

    const winners = racers.filter((_, i) => results[i] === 'acquired');
    expect(winners).toHaveLength(1);
    const winnerPid = winners[0]!.process.pid!;
    expect(results.filter((r) => r !== 'acquired')).toEqual(Array(3).fill(`busy ${winnerPid}`));
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(winnerPid));
  });

  it('npm run db:seed stops with the message while another live process holds the folder', async () => {
    const dataDir = tempDir();
    const holder = startChild('open', path.join(dataDir, 'pglite'));
    expect(await holder.nextLine()).toBe('ready');
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, APP_ENV: 'development' };
    delete env.DATABASE_URL;
    const seed = spawnSync('npm', ['run', '--silent', 'db:seed'], { cwd: root, env, encoding: 'utf8' });
    expect(seed.status).not.toBe(0);
    expect(seed.stderr).toContain(`est déjà utilisée par le processus ${holder.process.pid}`);
    expect(seed.stderr).toContain(`is already in use by process ${holder.process.pid}`);
    expect(seed.stdout).not.toContain('demo data loaded');
  });
});
