// Child process for tests/integration/embedded-lock.test.ts, run with `node --import tsx`.
//   open <dir>     opens the file-backed PGlite at <dir> (from LOCK_TEST_PGLITE_TEMPLATE if set), writes a
//                  row, prints "ready", holds it until stdin ends
//   acquire <dir>  prints "waiting", takes the lock when a line arrives on stdin, prints "acquired" or
//                  "busy <holder pid>", holds it until stdin ends
import fs from 'node:fs';
import readline from 'node:readline';
import { acquireEmbeddedLock, EmbeddedDatabaseBusyError, openDatabase } from '../../db/client';

const [mode, dirArg] = process.argv.slice(2);
if (!dirArg) throw new Error('usage: embedded-lock-child.ts open|acquire <dir>');
const dir: string = dirArg;
const lines = readline.createInterface({ input: process.stdin });
const untilStdinEnds = new Promise<void>((resolve) => lines.on('close', resolve));

async function main() {
  if (mode === 'open') {
    // Starting from the run's migrated template is three times faster than an empty cluster's initdb.
    const template = process.env.LOCK_TEST_PGLITE_TEMPLATE;
    const handle = await openDatabase({ kind: 'pglite', dir, loadDataDir: template ? new Blob([fs.readFileSync(template)]) : undefined });
    const { sql } = await import('drizzle-orm');
    await handle.db.execute(sql`create table if not exists written_by_child (pid int)`);
    await handle.db.execute(sql`insert into written_by_child values (${process.pid})`);
    console.log('ready');
    await untilStdinEnds;
    await handle.close();
  } else {
    console.log('waiting');
    await new Promise((resolve) => lines.once('line', resolve));
    try {
      acquireEmbeddedLock(dir);
      console.log('acquired');
    } catch (err) {
      if (!(err instanceof EmbeddedDatabaseBusyError)) throw err;
      console.log(`busy ${err.holderPid}`);
    }
    await untilStdinEnds;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
