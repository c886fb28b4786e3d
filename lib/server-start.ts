import { EnvError, loadEnv } from './env';

/** Validates the configuration, migrates (and in dev seeds) the database, starts the mail dispatcher.
 * Any failure stops the process with a readable message instead of serving half a site. */
export async function startServer(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(`\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  if (env.attestationSigningKeys) {
    // A malformed production key set must stop the start, not the first attestation.
    const { parseSigningKeySet } = await import('./attestations/keys');
    try {
      parseSigningKeySet(env.attestationSigningKeys);
    } catch (err) {
      console.error(`\n${(err as Error).message}\n`);
      process.exit(1);
    }
  }
  const { getDbHandle } = await import('@/db');
  const { prepareDatabase } = await import('@/db/prepare');
  try {
    const handle = await getDbHandle();
    await prepareDatabase(handle, env);
    console.log(`[espace] base de données prête (${handle.kind === 'pglite' ? `PGlite ${env.pgliteDir}` : 'PostgreSQL'})`);
  } catch (err) {
    console.error(`\n[espace] ${(err as Error).message}\n`);
    process.exit(1);
  }
  const { startPdfRenderThreads } = await import('./attestations/pdf-pool');
  startPdfRenderThreads();
  const { startMailDispatcher } = await import('./mail/dispatcher');
  startMailDispatcher(env);
  const { startRateLimitPruning } = await import('./rate-limit');
  const { getDb } = await import('@/db');
  startRateLimitPruning(getDb);
}
