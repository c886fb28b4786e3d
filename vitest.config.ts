import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      'server-only': path.resolve(__dirname, 'tests/support/empty.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { APP_ENV: 'test', DATA_DIR: path.resolve(__dirname, '.data/vitest') },
    // next-auth imports `next/server` without an extension, which Node's ESM loader cannot resolve
    // outside Next; inlined, Vite resolves it (tests call Auth.js's own handlers).
    server: { deps: { inline: ['next-auth'] } },
  },
});
