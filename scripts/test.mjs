#!/usr/bin/env node
// `npm test`: typecheck → lint → unit + integration (Vitest) → e2e (Playwright), stopping at the first red.
import { spawnSync } from 'node:child_process';

const steps = [
  ['Types (tsc)', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['Lint (eslint)', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['Unit + integration (vitest)', 'npx', ['vitest', 'run']],
  ['End-to-end (playwright)', 'node', ['scripts/e2e.mjs']],
];

for (const [label, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  if (r.status !== 0) {
    console.error(`\n✖ ${label} a échoué / failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log('\nTous les tests passent / all tests pass.');
