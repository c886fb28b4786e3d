// Helpers shared by the test, e2e and bench runners.
import { spawnSync } from 'node:child_process';
import net from 'node:net';

/** A TCP port free on loopback right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Runs a command in the foreground; `onFailure` (default: exit with its status) when it fails. */
export function run(cmd, args, env, onFailure = (status) => process.exit(status ?? 1)) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) onFailure(r.status);
}
