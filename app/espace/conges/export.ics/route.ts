import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { getEnv } from '@/lib/env';
import { todayInFrance } from '@/lib/format';
import { leaveYearOf } from '@/lib/leave/days';
import { buildLeaveCalendar } from '@/lib/leave/ics';
import { listLeavesForExport } from '@/lib/leave/queries';
import { fileDownload } from '@/lib/http/download';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** iCalendar file of the company's leaves, from the current leave year on (one all-day event per leave). */
export const GET = answerFailures(
  'conges',
  'Le calendrier des congés n’a pas pu être préparé à cause d’un incident technique de notre côté. Rien n’a été modifié.',
  async () => {
    const ctx = await requireArea('leave', 'read');
    const rows = await listLeavesForExport(await getDb(), ctx.company.id, leaveYearOf(todayInFrance()).start);
    const body = buildLeaveCalendar({
      companyName: ctx.company.name,
      uidDomain: new URL(getEnv().appUrl).hostname,
      leaves: rows.map((l) => ({ id: l.id, workerFirstName: l.workerFirstName, workerLastName: l.workerLastName, start: l.startOn, end: l.endOn, days: l.days, kind: l.kind, updatedAt: l.updatedAt })),
    });
    return fileDownload({ bytes: body, fileName: 'conges.ics', contentType: 'text/calendar; charset=utf-8' });
  },
);
