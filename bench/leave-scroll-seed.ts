// Data for bench/leave-scroll.mjs, before the server starts (PGlite: only one process may hold the data
// folder): migrations, reference data, a company of 300 workers, each with a leave this month, and its
// administrator. Prints one line `SEED_JSON {"email","password"}`.
//   npx tsx --import ./scripts/server-only-shim.mjs bench/leave-scroll-seed.ts [workers=300]
import crypto from 'node:crypto';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { organisationMembers, users } from '@/db/schema';
import { seedReference } from '@/db/seed';
import { hashPassword } from '@/lib/auth/password';
import { loadEnv } from '@/lib/env';
import { todayInFrance } from '@/lib/format';
import { leaveYearOf } from '@/lib/leave/days';
import { addMonths } from '@/lib/leave/month-grid';
import { seedLeaveCompany } from './leave-seed';

const workerCount = Number(process.argv[2] ?? 300);

async function main() {
  const env = loadEnv();
  const handle = env.databaseUrl ? await openDatabase({ kind: 'postgres', url: env.databaseUrl, max: 2 }) : await openDatabase({ kind: 'pglite', dir: env.pgliteDir });
  try {
    await migrateDatabase(handle, { postgresUrl: env.databaseUrl });
    await seedReference(handle.db);
    const month = todayInFrance().slice(0, 7);
    const leaveYearStart = leaveYearOf(`${month}-01`).start;
    const { companyId } = await seedLeaveCompany(handle.db, { workerCount, month, leaveYearStart, paymentDeadline: `${month}-20`, paymentOn: `${addMonths(month, 1)}-05`, mixStatuses: true });
    const email = `bench-conges-${crypto.randomBytes(3).toString('hex')}@exemple.test`;
    const password = `Banc-${crypto.randomBytes(6).toString('hex')}-Conges`;
    const [user] = await handle.db
      .insert(users)
      .values({ email, passwordHash: await hashPassword(password), firstName: 'Claude', lastName: 'Banc', status: 'active', emailVerifiedAt: new Date() })
      .returning({ id: users.id });
    await handle.db.insert(organisationMembers).values({ organisationId: companyId, userId: user!.id, role: 'admin' });
    console.log(`SEED_JSON ${JSON.stringify({ email, password, month })}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
