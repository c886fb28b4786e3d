import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, mailOutbox } from '@/db/schema';
import type { SessionPolicy } from '@/lib/auth/sessions';
import { createTestUser, type TestUserInput } from '@/lib/dev/test-users';

export const policy: SessionPolicy = { idleMinutes: 30, maxHours: 12 };

/** A fresh active user of no organisation (unless asked), with a unique email. */
export function makeUser(db: Db, input: TestUserInput = {}) {
  return createTestUser(db, { organisationSiret: null, ...input });
}

let ipCounter = 0;
/** A new client IP per call, so per-IP limits do not mix up independent tests. */
export function freshIp(): string {
  ipCounter++;
  return `198.51.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

export function mailsTo(db: Db, address: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address.toLowerCase())).orderBy(desc(mailOutbox.createdAt));
}

export function auditOf(db: Db, userId: string) {
  return db.select().from(auditLog).where(eq(auditLog.actorUserId, userId)).orderBy(desc(auditLog.occurredAt));
}

/** The token of the first link to `path` in an email's text. */
export function tokenFromMail(text: string, path: string): string {
  const match = new RegExp(`${path.replace(/[/?]/g, '\\$&')}\\?jeton=([A-Za-z0-9_%-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(match[1]!);
}
