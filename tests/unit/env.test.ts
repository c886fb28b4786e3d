import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '@/lib/env';
import { productionSecrets } from '../support/production-env';

const tempDirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'espace-env-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** loadEnv on exactly these variables (Next's types insist on NODE_ENV; loadEnv does not). */
function load(vars: Record<string, string>) {
  return loadEnv(vars as NodeJS.ProcessEnv);
}

function loadError(vars: Record<string, string>): EnvError {
  try {
    load(vars);
  } catch (err) {
    if (err instanceof EnvError) return err;
    throw err;
  }
  throw new Error('loadEnv accepted the configuration');
}


describe('loadEnv', () => {
  it('refuses production without its secrets, naming each one', () => {
    const dataDir = tempDataDir();
    const error = loadError({ APP_ENV: 'production', DATA_DIR: dataDir });
    const required = ['AUTH_SECRET', 'DATABASE_URL', 'APP_URL', 'RESEND_API_KEY', 'LETTERS_SECRET', 'ATTESTATION_SIGNING_KEYS', 'DOCUMENTS_ENCRYPTION_KEY', 'SEPA_CREDITOR_ID', 'CAISSE_IBAN'];
    expect(error.problems).toHaveLength(required.length);
    for (const name of required) expect(error.message).toContain(name);
    expect(error.message).toMatch(/^Configuration invalide \/ invalid configuration:/);
    expect(error.message).toContain('manquant');
    // Production never falls back to a generated secret.
    expect(fs.existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
  });

  it('treats NODE_ENV=production without APP_ENV as production, and lists only what is missing', () => {
    const error = loadError({ NODE_ENV: 'production', ...productionSecrets, AUTH_SECRET: 'trop-court', RESEND_API_KEY: '  ' });
    expect(error.problems).toEqual([expect.stringContaining('AUTH_SECRET'), expect.stringContaining('RESEND_API_KEY')]);
    expect(error.problems[0]).toContain('≥ 32');
  });

  it('accepts a complete production configuration', () => {
    const env = load({ APP_ENV: 'production', DATA_DIR: tempDataDir(), ...productionSecrets });
    expect(env).toMatchObject({
      appEnv: 'production',
      isProduction: true,
      authSecret: productionSecrets.AUTH_SECRET,
      databaseUrl: productionSecrets.DATABASE_URL,
      appUrl: 'https://espace.cibtp-grandest.test',
      resendApiKey: 're_live_key',
      sepaCreditorId: 'FR72ZZZ123456',
      caisseIban: 'FR7630006000011234567890189',
      caisseBic: 'AGRIFRPP',
    });
    expect(env.documentsEncryptionKey.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('refuses a document key that is not 32 bytes of base64', () => {
    expect(loadError({ APP_ENV: 'production', ...productionSecrets, DOCUMENTS_ENCRYPTION_KEY: 'trop-courte' }).message).toContain('DOCUMENTS_ENCRYPTION_KEY');
  });

  it('refuses a malformed SEPA creditor identifier or caisse account', () => {
    const error = loadError({ APP_ENV: 'development', DATA_DIR: tempDataDir(), SEPA_CREDITOR_ID: 'FR73ZZZ123456', CAISSE_IBAN: 'FR7630006000011234567890188' });
    expect(error.message).toContain('SEPA_CREDITOR_ID');
    expect(error.message).toContain('CAISSE_IBAN');
  });

  it('rejects a DATABASE_URL that is not PostgreSQL and an unknown APP_ENV', () => {
    expect(loadError({ APP_ENV: 'development', DATABASE_URL: 'mysql://x@y/z', DATA_DIR: tempDataDir() }).message).toMatch(/DATABASE_URL: .*postgres:\/\//);
    expect(loadError({ APP_ENV: 'prod' }).message).toContain('APP_ENV');
  });

  it('generates the dev AUTH_SECRET once and keeps it under DATA_DIR', () => {
    const dataDir = tempDataDir();
    const first = load({ APP_ENV: 'development', DATA_DIR: dataDir });
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'secrets.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ AUTH_SECRET: first.authSecret });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    expect(load({ APP_ENV: 'development', DATA_DIR: dataDir }).authSecret).toBe(first.authSecret);
    expect(load({ APP_ENV: 'development', DATA_DIR: tempDataDir() }).authSecret).not.toBe(first.authSecret);
    expect(first).toMatchObject({ isProduction: false, databaseUrl: undefined, pgliteDir: path.join(dataDir, 'pglite'), appUrl: 'http://localhost:3000' });
  });

  it('prefers a given AUTH_SECRET in dev and derives APP_URL from PORT', () => {
    const dataDir = tempDataDir();
    const env = load({ APP_ENV: 'development', DATA_DIR: dataDir, AUTH_SECRET: 's'.repeat(40), PORT: '4123' });
    expect(env.authSecret).toBe('s'.repeat(40));
    expect(env.appUrl).toBe('http://localhost:4123');
    const file = path.join(dataDir, 'secrets.json');
    expect(fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}).not.toHaveProperty('AUTH_SECRET');
  });
});
