import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per reminder e-mail ever queued, keyed by what it is about (e.g.
 * `declaration-due:<company>:2026-11-01:<recipient>`): `send-reminders` inserts the key and queues the
 * mail in one transaction, so running it twice (or two crons at once) sends each reminder once.
 */
export const remindersSent = pgTable('reminders_sent', {
  key: text('key').primaryKey(),
  companyId: uuid('company_id'),
  mailId: uuid('mail_id'),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});
