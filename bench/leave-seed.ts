// A company of N workers with about one leave each in a given month: the data of the leave team view's
// benchmarks (bench/leave-team-view.tsx, server time; bench/leave-scroll.mjs, scrolling in the browser).
import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { leaves, organisations, workers } from '@/db/schema';

export type LeaveCompanySeed = {
  workerCount: number;
  /** YYYY-MM: each worker has one six-day leave starting between the 1st and the 20th. */
  month: string;
  leaveYearStart: string;
  paymentDeadline: string;
  paymentOn: string;
  /** Cycle the three statuses (registered, payment scheduled, paid) instead of all registered. */
  mixStatuses?: boolean;
};

const statuses = ['registered', 'payment_scheduled', 'paid'] as const;

/** Department 67, so the Alsace-Moselle holidays too. Returns the company's id and SIRET. */
export async function seedLeaveCompany(db: Db, seed: LeaveCompanySeed): Promise<{ companyId: string; siret: string }> {
  const siret = `9${String(crypto.randomInt(0, 1e13)).padStart(13, '0')}`;
  const [company] = await db
    .insert(organisations)
    .values({ kind: 'company', siret, name: 'Bench Congés SAS', addressLine: '1 rue du Banc', postcode: '67000', city: 'Strasbourg', departmentCode: '67' })
    .returning();
  const staff = await db
    .insert(workers)
    .values(
      Array.from({ length: seed.workerCount }, (_, i) => ({
        companyId: company!.id,
        lastName: `Nom${String(i).padStart(3, '0')}`,
        firstName: 'Prénom',
        birthDate: '1985-01-01',
        category: 'ouvrier' as const,
        hiredOn: '2015-01-05',
      })),
    )
    .returning({ id: workers.id });
  await db.insert(leaves).values(
    staff.map((w, i) => {
      const startDay = 1 + (i % 20);
      const start = `${seed.month}-${String(startDay).padStart(2, '0')}`;
      const end = `${seed.month}-${String(startDay + 6).padStart(2, '0')}`;
      return {
        companyId: company!.id,
        workerId: w.id,
        startOn: start,
        endOn: end,
        kind: 'main' as const,
        days: 6,
        leaveYearStart: seed.leaveYearStart,
        paymentDeadline: seed.paymentDeadline,
        paymentOn: seed.paymentOn,
        ...(seed.mixStatuses ? { status: statuses[i % 3]! } : {}),
      };
    }),
  );
  return { companyId: company!.id, siret };
}
