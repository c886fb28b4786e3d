import 'server-only';
import type { ReactElement } from 'react';
import type { Db } from '@/db/client';
import { remindersSent } from '@/db/schema';
import { enqueueMail } from '@/lib/mail/outbox';

// Reminder e-mails (declarations due, contributions due, leave registration deadlines), sent by
// `npm run caisse -- send-reminders` that cron runs daily. Each area contributes a ReminderSource that
// lists the reminders due at `today`; this module sends each one at most once, ever.

export type Reminder = {
  /** Idempotency key: what the reminder is about and for whom. Same key → sent once. */
  key: string;
  companyId: string | null;
  to: string;
  template: string;
  subject: string;
  element: ReactElement;
};

export type ReminderSource = {
  /** Short name shown in the command's report, e.g. « déclarations ». */
  name: string;
  collect: (db: Db, today: string) => Promise<Reminder[]>;
};

export type ReminderReport = { source: string; due: number; sent: number }[];

/** Sends every due reminder not yet sent: key + mail in one transaction per reminder. */
export async function sendReminders(db: Db, sources: readonly ReminderSource[], today: string): Promise<ReminderReport> {
  const report: ReminderReport = [];
  for (const source of sources) {
    const due = await source.collect(db, today);
    let sent = 0;
    for (const reminder of due) {
      const isNew = await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(remindersSent)
          .values({ key: reminder.key, companyId: reminder.companyId })
          .onConflictDoNothing()
          .returning({ key: remindersSent.key });
        if (!inserted.length) return false;
        await enqueueMail(tx, { template: reminder.template, to: reminder.to, subject: reminder.subject, element: reminder.element });
        return true;
      });
      if (isNew) sent++;
    }
    report.push({ source: source.name, due: due.length, sent });
  }
  return report;
}
