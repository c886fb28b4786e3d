import 'server-only';
import { createElement } from 'react';
import { and, eq, isNotNull } from 'drizzle-orm';
import { organisations } from '@/db/schema';
import LeaveDeadlineReminder, { leaveDeadlineReminderSubject } from '@/emails/leave-deadline-reminder';
import { getEnv } from '@/lib/env';
import { daysBetween, formatDayShort, formatDayWithWeekday } from '@/lib/format';
import { getMailCaisse } from '@/lib/mail/outbox';
import type { Reminder, ReminderSource } from '@/lib/reminders';
import { getAreaRecipients } from '@/lib/reminders/recipients';
import { leaveYearOf } from './days';
import { listPaymentRuns, listWorkersWithoutMainLeave } from './queries';

// « Date limite d’enregistrement de dates de congés »: from `leaveReminderDaysBefore` days before a
// deadline until the deadline itself, each activated company with workers lacking a main leave is
// reminded once per deadline and recipient (key), whichever day the cron first sees it: its users with
// the leave area (administrators, collaborators with a right on it) and the members of a firm whose live
// delegation covers it.

export const leaveDeadlineReminders: ReminderSource = {
  name: 'congés',
  async collect(db, today) {
    const within = getEnv().leaveReminderDaysBefore;
    const runs = (await listPaymentRuns(db)).filter((r) => {
      const left = daysBetween(today, r.deadline);
      return left >= 0 && left <= within;
    });
    if (!runs.length) return [];
    const companies = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.kind, 'company'), isNotNull(organisations.activatedAt)));
    const caisse = await getMailCaisse(db);
    const url = `${getEnv().appUrl}/espace/conges`;
    const out: Reminder[] = [];
    for (const run of runs) {
      const leaveYear = leaveYearOf(run.deadline);
      for (const company of companies) {
        const missing = await listWorkersWithoutMainLeave(db, company.id, leaveYear);
        if (!missing.length) continue;
        for (const to of (await getAreaRecipients(db, [company.id], 'leave', today)).get(company.id) ?? []) {
          out.push({
            key: `leave-deadline:${company.id}:${run.deadline}:${to}`,
            companyId: company.id,
            to,
            template: 'leave-deadline-reminder',
            subject: leaveDeadlineReminderSubject(company.name, formatDayShort(run.deadline)),
            element: createElement(LeaveDeadlineReminder, {
              caisse,
              companyName: company.name,
              deadline: formatDayWithWeekday(run.deadline),
              paymentOn: formatDayShort(run.paymentOn),
              daysLeft: daysBetween(today, run.deadline),
              workerNames: missing.slice(0, 10).map((w) => `${w.lastName} ${w.firstName}`),
              missingCount: missing.length,
              url,
            }),
          });
        }
      }
    }
    return out;
  },
};
