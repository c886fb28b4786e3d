// `npm run caisse -- <commande>`: the caisse staff's command line (see lib/caisse-cli).
import { openDatabase, type DbHandle } from '@/db/client';
import { runCaisseCli } from '@/lib/caisse-cli';
import { loadEnv } from '@/lib/env';

async function main(): Promise<number> {
  let handle: Promise<DbHandle> | undefined;
  const openDb = () => {
    handle ??= (async () => {
      const env = loadEnv();
      return env.databaseUrl
        ? openDatabase({ kind: 'postgres', url: env.databaseUrl, max: 2 })
        : openDatabase({ kind: 'pglite', dir: env.pgliteDir });
    })();
    return handle;
  };
  try {
    return await runCaisseCli(process.argv.slice(2), {
      out: (line = '') => console.log(line),
      err: (line = '') => console.error(line),
      getDb: async () => (await openDb()).db,
      // npm runs scripts from the package root; paths typed by the user are relative to where they typed them.
      cwd: process.env.INIT_CWD ?? process.cwd(),
    });
  } finally {
    if (handle) await (await handle.catch(() => undefined))?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
