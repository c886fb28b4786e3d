import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { todayInFrance } from '@/lib/format';
import { buildLeaveCsv } from '@/lib/leave/csv';
import { leaveYearOf } from '@/lib/leave/days';
import { listLeavesForExport } from '@/lib/leave/queries';
import { effectiveLeaveStatus } from '@/lib/leave/status';
import { fileDownload } from '@/lib/http/download';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const csvStatus = { registered: 'registered', payment_scheduled: 'scheduled', paid: 'paid' } as const;

/** CSV export (spreadsheet-ready: « ; », BOM) of the company's leaves from the current leave year on. */
export const GET = answerFailures(
  'conges',
  'L’export des congés n’a pas pu être préparé à cause d’un incident technique de notre côté. Rien n’a été modifié.',
  async () => {
    const ctx = await requireArea('leave', 'read');
    const today = todayInFrance();
    const rows = await listLeavesForExport(await getDb(), ctx.company.id, leaveYearOf(today).start);
    const body = buildLeaveCsv(
      rows.map((l) => ({
        workerLastName: l.workerLastName,
        workerFirstName: l.workerFirstName,
        start: l.startOn,
        end: l.endOn,
        days: l.days,
        kind: l.kind,
        status: csvStatus[effectiveLeaveStatus(l, today)],
        paymentOn: l.paymentOn,
        indemnityCents: l.indemnityCents,
        registeredOn: todayInFrance(l.registeredAt),
      })),
    );
    return fileDownload({ bytes: body, fileName: 'conges.csv', contentType: 'text/csv; charset=utf-8' });
  },
);
