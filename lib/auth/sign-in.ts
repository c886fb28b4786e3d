import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from './password';

// Verified against when the email is unknown, so both answers take the same time.
let dummyHash: Promise<string> | undefined;

export type PasswordCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid' };

/** Checks an email + password pair. The answer and its timing do not reveal whether the email exists. */
export async function checkPassword(db: Db, email: string, password: string): Promise<PasswordCheck> {
  const normalized = email.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.email, normalized));
  if (!user || !user.passwordHash) {
    dummyHash ??= hashPassword('timing-equaliser-not-a-password');
    await verifyPassword(await dummyHash, password);
    return { ok: false, reason: 'invalid' };
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || user.status !== 'active') return { ok: false, reason: 'invalid' };
  return { ok: true, userId: user.id };
}
