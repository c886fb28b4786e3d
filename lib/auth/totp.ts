import 'server-only';
import crypto from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { getEnv } from '@/lib/env';

// TOTP helpers with no database: RFC 6238 codes (SHA-1, 6 digits, 30 s: what every authenticator app
// reads from a QR code), the secret's encryption at rest, and recovery codes.

export const TOTP_PERIOD_SECONDS = 30;

/** A new base32 secret of 160 bits (RFC 4226 recommends ≥ 128). */
export function generateTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI that the QR code carries. */
export function totpUri(options: { issuer: string; accountName: string; secret: string }): string {
  return generateURI({ issuer: options.issuer, label: options.accountName, secret: options.secret });
}

/** « ABCD EFGH … »: the manual key, grouped by four for typing. */
export function formatManualKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export type TotpCheck = { valid: true; timeStep: number } | { valid: false; reason: 'format' | 'invalid' | 'replayed' };

/**
 * Checks a 6-digit code, accepting the previous and next period for clock drift. `afterTimeStep` is the
 * last step already used: a code of that step or an older one is refused (replay protection).
 */
export async function verifyTotpCode(options: { secret: string; code: string; afterTimeStep?: number | null; now?: Date }): Promise<TotpCheck> {
  const code = options.code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) return { valid: false, reason: 'format' };
  const epoch = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const result = await verify({ secret: options.secret, token: code, epoch, epochTolerance: TOTP_PERIOD_SECONDS });
  // The functional API types TOTP and HOTP results together; a TOTP success carries its time step.
  if (!result.valid || !('timeStep' in result)) return { valid: false, reason: 'invalid' };
  if (options.afterTimeStep != null && result.timeStep <= options.afterTimeStep) return { valid: false, reason: 'replayed' };
  return { valid: true, timeStep: result.timeStep };
}

// --- secret encryption at rest -------------------------------------------------------------------

/** A 256-bit key for one purpose, derived from AUTH_SECRET (HKDF-SHA-256): a leak of the table alone reveals nothing. */
export function deriveKey(purpose: string, authSecret: string = getEnv().authSecret): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', authSecret, 'espace-securise', purpose, 32));
}

const SECRET_KEY_PURPOSE = 'totp-secret-v1';

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` in base64url. The user id is authenticated data, so a row cannot be moved to another user. */
export function encryptTotpSecret(secret: string, userId: string, authSecret?: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', deriveKey(SECRET_KEY_PURPOSE, authSecret), iv);
  cipher.setAAD(Buffer.from(userId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** Throws when the value was tampered with, belongs to another user, or AUTH_SECRET changed. */
export function decryptTotpSecret(encrypted: string, userId: string, authSecret?: string): string {
  const [version, iv, tag, ciphertext] = encrypted.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('Unknown TOTP secret format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', deriveKey(SECRET_KEY_PURPOSE, authSecret), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

// --- recovery codes ------------------------------------------------------------------------------

export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: codes get copied by hand from paper.
const RECOVERY_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';

/** Ten codes like `K7Q4M-2XPA9` (10 characters of a 25-letter alphabet ≈ 46 bits each). */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    let raw = '';
    for (let i = 0; i < 10; i++) raw += RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)];
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** What the user typed, reduced to the canonical form (case, spaces and dashes do not matter). */
export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function looksLikeRecoveryCode(input: string): boolean {
  const code = normalizeRecoveryCode(input);
  return code.length === 10 && [...code].every((c) => RECOVERY_ALPHABET.includes(c));
}

/**
 * Stored form of a recovery code: HMAC-SHA-256 under a key derived from AUTH_SECRET. The codes are
 * random (not chosen by people), so a keyed hash is enough and the database alone cannot be brute-forced.
 */
export function hashRecoveryCode(input: string, authSecret?: string): string {
  return crypto.createHmac('sha256', deriveKey('recovery-code-v1', authSecret)).update(normalizeRecoveryCode(input)).digest('hex');
}
