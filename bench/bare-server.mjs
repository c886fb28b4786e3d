// Baseline for `npm run bench`: « Dates à retenir » served by a bare node:http server, no framework, no
// ORM. The SQL is the statement Drizzle generates for getUpcomingKeyDates (lib/site/queries.ts), with
// column aliases so the JSON matches the route handler's.
//   BENCH_BARE_DB=postgres  query DATABASE_URL with postgres.js (the same database as the app)
//   BENCH_BARE_DB=pglite    PGlite allows one process per data folder, so this server gets its own
//                           in-memory PGlite, migrated and seeded like the app's (needs `--import tsx`)
// Prints "listening <port>" once ready.
import http from 'node:http';

const keyDatesSql = `select "id", "kind", "label", "starts_on"::text as "startsOn", "ends_on"::text as "endsOn",
  "display_date" as "displayDate", "created_at" as "createdAt", "updated_at" as "updatedAt"
  from "key_dates" where ("starts_on" >= $1 or ("starts_on" <= $1 and "ends_on" >= $1))
  order by "starts_on" asc limit 6`;

// Same as todayInFrance() in lib/format.ts.
const todayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

async function openQuery() {
  if (process.env.BENCH_BARE_DB === 'pglite') {
    const { openDatabase } = await import('../db/client.ts');
    const { migrateDatabase } = await import('../db/migrate.ts');
    const { seedDemo, seedReference } = await import('../db/seed.ts');
    const handle = await openDatabase({ kind: 'pglite' });
    await migrateDatabase(handle);
    await seedReference(handle.db);
    await seedDemo(handle.db);
    const client = handle.db.$client;
    return async (today) => (await client.query(keyDatesSql, [today])).rows;
  }
  const { default: postgres } = await import('postgres');
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required with BENCH_BARE_DB=postgres');
  const sql = postgres(process.env.DATABASE_URL, { max: Number(process.env.DB_POOL_MAX) || 10, onnotice: () => {} });
  return (today) => sql.unsafe(keyDatesSql, [today], { prepare: true });
}

const query = await openQuery();
const server = http.createServer(async (req, res) => {
  try {
    const body = JSON.stringify(await query(todayFormat.format(new Date())));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(err));
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.BENCH_BARE_PORT) || 0, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
