import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedReference } from '@/db/seed';
import { adminUrl, databaseUrlFor } from './pg-urls';

/**
 * Migrates once per run, then every test file clones the result: PGlite from a dumped data folder,
 * PostgreSQL (when DATABASE_URL is set) with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'espace-vitest-'));
  const pglite = await openDatabase({ kind: 'pglite' });
  await migrateDatabase(pglite);
  await seedReference(pglite.db);
  const client = (pglite.db as unknown as { $client: { dumpDataDir: (c: 'none' | 'gzip') => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  const dumpFile = path.join(dir, 'template.tar');
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplate', dumpFile);

  let templateDb = '';
  const base = process.env.DATABASE_URL;
  if (base) {
    const { default: postgres } = await import('postgres');
    templateDb = `espace_tpl_${process.pid}`;
    const admin = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${templateDb}`);
    await admin.unsafe(`create database ${templateDb}`);
    const url = databaseUrlFor(base, templateDb);
    const handle = await openDatabase({ kind: 'postgres', url, max: 1 });
    await migrateDatabase(handle, { postgresUrl: url });
    await seedReference(handle.db);
    await handle.close();
    await admin.end();
  }
  project.provide('postgresTemplate', templateDb);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (base && templateDb) {
      const { default: postgres } = await import('postgres');
      const admin = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
      const leftovers = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${'espace_t_' + process.pid + '_%'}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
      await admin.unsafe(`drop database if exists ${templateDb} with (force)`);
      await admin.end();
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
