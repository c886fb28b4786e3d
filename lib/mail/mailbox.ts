import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { createElement } from 'react';
import type { Db } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { getEnv } from '@/lib/env';
import TestEmail, { testEmailSubject } from '@/emails/test-email';
import { enqueueMail, getMailCaisse } from './outbox';

/** The dev mailbox exists outside production only; in production its routes answer 404. */
export function isDevMailboxEnabled(): boolean {
  return !getEnv().isProduction;
}

export async function listMailboxMessages(db: Db, options: { to?: string; limit?: number } = {}) {
  const q = db
    .select({
      id: mailOutbox.id,
      toAddress: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      template: mailOutbox.template,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(options.limit ?? 200);
  return options.to ? q.where(eq(mailOutbox.toAddress, options.to.trim().toLowerCase())) : q;
}

export async function getMailboxMessage(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}

export async function sendTestEmail(db: Db, to: string): Promise<string> {
  const env = getEnv();
  return db.transaction(async (tx) => {
    const caisse = await getMailCaisse(tx);
    return enqueueMail(tx, { template: 'test-email', to, subject: testEmailSubject, element: createElement(TestEmail, { caisse, appUrl: env.appUrl }) });
  });
}
