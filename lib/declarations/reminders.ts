import 'server-only';
import { createElement } from 'react';
import { and, eq, gte, min } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { declarations, organisations, workers } from '@/db/schema';
import DeclarationReminder, { declarationReminderSubject } from '@/emails/declaration-reminder';
import { getEnv } from '@/lib/env';
import { daysBetween } from '@/lib/format';
import { getMailCaisse } from '@/lib/mail/outbox';
import type { Reminder, ReminderSource } from '@/lib/reminders';
import { getAreaRecipients } from '@/lib/reminders/recipients';
import { addMonths, declarationDueOn, duePeriods, formatPeriod, periodSlug } from './rules';

// « Déclarations » reminders for `npm run caisse -- send-reminders`: a configurable number of days
// before a month's declaration falls due (DECLARATION_REMINDER_DAYS), and once a month is overdue. To
// each company administrator or collaborator with the declarations right, and each member of a firm the company delegates them to. Keys
// name the company, the month and the recipient: each reminder goes once, however often cron runs.

/** « 1er décembre 2026 » */
function formatDueDay(day: string): string {
  const text = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  return day.endsWith('-01') ? text.replace(/^1 /, '1er ') : text;
}

export async function collectDeclarationReminders(db: Db, today: string, options: { daysBefore: number; appUrl: string }): Promise<Reminder[]> {
  const current = `${today.slice(0, 7)}-01`;
  const dueOn = declarationDueOn(current);
  const remindCurrent = options.daysBefore > 0 && daysBetween(today, dueOn) <= options.daysBefore;
  const oldest = addMonths(today, -12);
  // Set-based: the first hire of every company, and every initial declaration sent in the window.
  const [firstHires, sent] = await Promise.all([
    db
      .select({ companyId: workers.companyId, name: organisations.name, hiredOn: min(workers.hiredOn) })
      .from(workers)
      .innerJoin(organisations, eq(organisations.id, workers.companyId))
      .where(eq(organisations.kind, 'company'))
      .groupBy(workers.companyId, organisations.name),
    db
      .select({ companyId: declarations.companyId, period: declarations.period })
      .from(declarations)
      .where(and(eq(declarations.kind, 'initial'), eq(declarations.status, 'sent'), gte(declarations.period, oldest))),
  ]);
  const declared = new Set(sent.map((s) => `${s.companyId}|${s.period}`));
  type Due = { companyId: string; name: string; kind: 'due' | 'overdue'; periods: string[] };
  const dues: Due[] = [];
  for (const c of firstHires) {
    const missing = duePeriods(c.hiredOn, today).filter((p) => !declared.has(`${c.companyId}|${p}`));
    if (missing.length) dues.push({ companyId: c.companyId, name: c.name, kind: 'overdue', periods: missing });
    if (remindCurrent && c.hiredOn && c.hiredOn <= today && !declared.has(`${c.companyId}|${current}`))
      dues.push({ companyId: c.companyId, name: c.name, kind: 'due', periods: [current] });
  }
  if (!dues.length) return [];
  const [recipients, caisse] = await Promise.all([getAreaRecipients(db, [...new Set(dues.map((d) => d.companyId))], 'declarations', today), getMailCaisse(db)]);
  const reminders: Reminder[] = [];
  for (const d of dues) {
    const latest = d.periods.at(-1)!;
    const months = d.periods.map(formatPeriod);
    const props = {
      caisse,
      companyName: d.name,
      kind: d.kind,
      months,
      dueOn: formatDueDay(declarationDueOn(d.periods[0]!)),
      url: `${options.appUrl}/espace/declarations${d.kind === 'due' || d.periods.length === 1 ? `/${periodSlug(latest)}` : ''}`,
    };
    for (const to of recipients.get(d.companyId) ?? [])
      reminders.push({
        // An overdue reminder goes again only when another month becomes overdue (the latest one names it).
        key: `declaration-${d.kind}:${d.companyId}:${latest}:${to}`,
        companyId: d.companyId,
        to,
        template: 'declaration-reminder',
        subject: declarationReminderSubject(props),
        element: createElement(DeclarationReminder, props),
      });
  }
  return reminders;
}

export const declarationReminderSource: ReminderSource = {
  name: 'déclarations',
  collect: (db, today) => {
    const env = getEnv();
    return collectDeclarationReminders(db, today, { daysBefore: env.declarationReminderDays, appUrl: env.appUrl });
  },
};
