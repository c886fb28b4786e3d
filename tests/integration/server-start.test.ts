import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('server start (what instrumentation.ts runs under next start)', () => {
  it('stops a production server missing its secrets with the list of what is missing', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'espace-start-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, APP_ENV: 'production', NODE_ENV: 'production', DATA_DIR: dataDir };
      for (const name of ['AUTH_SECRET', 'DATABASE_URL', 'APP_URL', 'RESEND_API_KEY', 'VITEST']) delete env[name];
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/start-server-child.ts'], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Configuration invalide / invalid configuration:');
      for (const name of ['AUTH_SECRET', 'DATABASE_URL', 'APP_URL', 'RESEND_API_KEY']) expect(r.stderr).toContain(`  - ${name}`);
      expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
      expect(r.stdout).not.toContain('base de données prête');
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
