// Standalone runner of the attestation commands until they join the caisse CLI's registry
// (scripts/caisse.ts): `npx tsx --import ./scripts/server-only-shim.mjs scripts/caisse-attestations.ts
// revoke-attestation ATT-2026-000042 --reason "…"`. On the embedded database, stop the server first
// (PGlite allows one process); on PostgreSQL (DATABASE_URL) it runs beside the servers.
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { loadEnv } from '@/lib/env';
import { revokeAttestationCommand, revokeAttestationUsage } from '@/lib/attestations/cli';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'revoke-attestation') {
    console.error(revokeAttestationUsage);
    return 2;
  }
  const env = loadEnv();
  const handle = env.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: env.databaseUrl, max: 1 })
    : await openDatabase({ kind: 'pglite', dir: env.pgliteDir });
  try {
    await migrateDatabase(handle, { postgresUrl: env.databaseUrl });
    return await revokeAttestationCommand(handle.db, args);
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
