import type { ReactElement } from 'react';
import { sql } from 'drizzle-orm';
import { render } from '@react-email/render';
import type { Db } from '@/db/client';
import { caisse, mailOutbox } from '@/db/schema';
import type { CaisseIdentity } from '@/emails/layout';

export type OutgoingMail = {
  /** Template name, for the mailbox and the logs. */
  template: string;
  to: string;
  subject: string;
  element: ReactElement;
};

/**
 * Writes a message to the outbox with the caller's transaction: if that transaction rolls back, the
 * message never existed and is never sent. Rendering happens before, so a template error aborts the change.
 */
export async function enqueueMail(tx: Db, mail: OutgoingMail): Promise<string> {
  const [html, text] = await Promise.all([render(mail.element), render(mail.element, { plainText: true })]);
  const [row] = await tx
    .insert(mailOutbox)
    // clock_timestamp(), not the default now() (the transaction's start): two messages written by one
    // transaction still list newest first in the dev mailbox.
    .values({ template: mail.template, toAddress: mail.to.trim().toLowerCase(), subject: mail.subject, html, text, createdAt: sql`clock_timestamp()` })
    .returning({ id: mailOutbox.id });
  return row!.id;
}

/** The caisse identity every template's layout shows (from data, not code). */
export async function getMailCaisse(db: Db): Promise<CaisseIdentity> {
  const [row] = await db.select().from(caisse).limit(1);
  if (!row) throw new Error('Caisse reference data missing: run the migrations/seed');
  return row;
}
