import crypto from 'node:crypto';
import { hashPassword, verifyPassword } from '@/lib/auth/password';

// The two letters' secrets, as the wizard checks them. Not 'server-only': db/seed.ts (run by the CLI and
// at server start) hashes the demo letters with these functions.
// NOTE for the merge: the `letters` branch owns this file (generation, issuing, CLI); these five functions
// have the same signatures there.

/** Letter 1's provisional identifier as typed: trimmed, upper-cased, without spaces. */
export function normalizeIdentifier(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}

/** Letter 2's confidential code as typed: upper-cased, without spaces or dashes (« k7q4 m2xp » = « K7Q4-M2XP »). */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-‐‑‒–—]+/g, '');
}

/** Keyed hash used to find a credential by its identifier without storing the identifier itself. */
export function hashIdentifier(identifier: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(normalizeIdentifier(identifier)).digest('hex');
}

/** argon2id of the normalised code: the code is only ~40 bits, so the slow hash matters if the table leaks. */
export function hashCode(code: string): Promise<string> {
  return hashPassword(normalizeCode(code));
}

export function verifyCode(hash: string, code: string): Promise<boolean> {
  return verifyPassword(hash, normalizeCode(code));
}
