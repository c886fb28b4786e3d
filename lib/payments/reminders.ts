import 'server-only';
import { createElement } from 'react';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { declarations, organisations, payments, sepaDebitSuspensions, sepaMandates } from '@/db/schema';
import ContributionDue, { contributionDueSubject } from '@/emails/contribution-due';
import { getEnv } from '@/lib/env';
import { formatDayShort, formatEuros } from '@/lib/format';
import { getMailCaisse } from '@/lib/mail/outbox';
import type { Reminder, ReminderSource } from '@/lib/reminders';
import { getAreaRecipients } from '@/lib/reminders/recipients';
import { addDays, addMonths, contributionDueOn, formatPeriod, ofPeriod, periodOf, termsFor } from './rules';
import { getContributionTerms } from './statement';

// « Cotisation à échéance »: N days (contribution_terms.reminder_days_before) before a contribution's due
// date, an e-mail to each administrator of the company, each collaborator with a right on its payments,
// and each member of a firm to which it delegates its payments — when something is still to pay (what
// was received or announced is deducted). Key: contribution-due:<company>:<period>:<email>, sent once.

/** Declared months whose due date falls between today and today + their reminder delay. */
export function periodsToRemind(terms: Parameters<typeof termsFor>[0], today: string): { period: string; dueOn: string }[] {
  const out: { period: string; dueOn: string }[] = [];
  for (let k = 0; k <= 14; k++) {
    const period = addMonths(periodOf(today), -k);
    const t = termsFor(terms, period);
    if (!t) continue;
    const dueOn = contributionDueOn(period, t);
    if (dueOn >= today && dueOn <= addDays(today, t.reminderDaysBefore)) out.push({ period, dueOn });
  }
  return out;
}

async function collect(db: Db, today: string): Promise<Reminder[]> {
  const due = periodsToRemind(await getContributionTerms(db), today);
  if (!due.length) return [];
  const dueOnOf = new Map(due.map((d) => [d.period, d.dueOn]));
  // The latest sent declaration of each company and month, less what was received or announced.
  const latest = sql`${declarations.sentAt} = (select max(d2.sent_at) from ${declarations} d2 where d2.company_id = ${declarations.companyId} and d2.period = ${declarations.period} and d2.status = 'sent')`;
  const rows = await db
    .select({
      companyId: declarations.companyId,
      period: declarations.period,
      dueCents: declarations.totalContributionCents,
      companyName: organisations.name,
      paidCents: sql<number>`coalesce((select sum(p.amount_cents) from ${payments} p where p.company_id = ${declarations.companyId} and p.period = ${declarations.period} and p.status in ('received', 'announced')), 0)::bigint`,
      isDebitActive: sql<boolean>`exists (select 1 from ${sepaMandates} m where m.company_id = ${declarations.companyId} and m.status = 'active') and not exists (select 1 from ${sepaDebitSuspensions} s where s.company_id = ${declarations.companyId} and s.lifted_at is null)`,
    })
    .from(declarations)
    .innerJoin(organisations, eq(organisations.id, declarations.companyId))
    .where(and(eq(declarations.status, 'sent'), inArray(declarations.period, [...dueOnOf.keys()]), latest));
  const owing = rows.filter((r) => Number(r.dueCents) - Number(r.paidCents) > 0);
  if (!owing.length) return [];
  const companyIds = [...new Set(owing.map((r) => r.companyId))];

  // Who hears about it: administrators, collaborators with a payments right, firms delegated the area.
  const recipients = await getAreaRecipients(db, companyIds, 'payments', today);

  const caisse = await getMailCaisse(db);
  const url = `${getEnv().appUrl}/espace/paiements`;
  const out: Reminder[] = [];
  for (const r of owing) {
    const dueOn = formatDayShort(dueOnOf.get(r.period)!);
    const periodLabel = formatPeriod(r.period);
    const amount = formatEuros(Number(r.dueCents) - Number(r.paidCents));
    for (const to of recipients.get(r.companyId) ?? [])
      out.push({
        key: `contribution-due:${r.companyId}:${r.period}:${to}`,
        companyId: r.companyId,
        to,
        template: 'contribution-due',
        subject: contributionDueSubject(ofPeriod(r.period), dueOn),
        element: createElement(ContributionDue, { caisse, companyName: r.companyName, periodLabel, amount, dueOn, isDebitActive: Boolean(r.isDebitActive), url }),
      });
  }
  return out;
}

export const contributionReminderSource: ReminderSource = { name: 'cotisations', collect };
