import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  formatManualKey,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  normalizeRecoveryCode,
  totpUri,
  verifyTotpCode,
} from '@/lib/auth/totp';

const authSecret = 'a-test-auth-secret-of-more-than-32-characters';
const userId = '6f1c2b4e-2a51-4a3e-9a57-3f0f6c1d9e01';

describe('TOTP secret', () => {
  it('is 160 bits of base32 and goes into an otpauth URI with the issuer and account', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri({ issuer: 'CIBTP Grand Est', accountName: 'gerant@exemple.test', secret });
    expect(uri).toMatch(/^otpauth:\/\/totp\/CIBTP%20Grand%20Est:gerant%40exemple\.test\?/);
    expect(new URL(uri).searchParams.get('secret')).toBe(secret);
    expect(new URL(uri).searchParams.get('issuer')).toBe('CIBTP Grand Est');
    expect(formatManualKey('ABCDEFGHIJKLMNOP')).toBe('ABCD EFGH IJKL MNOP');
  });

  it('is encrypted at rest: the stored value does not contain it, decrypts back, and differs each time', () => {
    const secret = generateTotpSecret();
    const a = encryptTotpSecret(secret, userId, authSecret);
    const b = encryptTotpSecret(secret, userId, authSecret);
    expect(a).not.toContain(secret);
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.')).toBe(true);
    expect(decryptTotpSecret(a, userId, authSecret)).toBe(secret);
  });

  it('cannot be decrypted with another AUTH_SECRET, for another user, or once tampered with', () => {
    const secret = generateTotpSecret();
    const stored = encryptTotpSecret(secret, userId, authSecret);
    expect(() => decryptTotpSecret(stored, userId, 'another-secret-of-more-than-32-characters!!')).toThrow();
    expect(() => decryptTotpSecret(stored, '00000000-0000-4000-8000-000000000000', authSecret)).toThrow();
    const parts = stored.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    expect(() => decryptTotpSecret([parts[0], parts[1], parts[2], ct.toString('base64url')].join('.'), userId, authSecret)).toThrow();
    expect(() => decryptTotpSecret('v2.x.y.z', userId, authSecret)).toThrow();
  });
});

describe('TOTP codes', () => {
  const secret = generateTotpSecret();
  const now = new Date('2026-11-27T10:00:10Z');
  const epoch = Math.floor(now.getTime() / 1000);
  const step = Math.floor(epoch / 30);

  it('accepts the current code and one period either side (clock drift), not two', async () => {
    for (const offset of [-30, 0, 30]) {
      const code = await generate({ secret, epoch: epoch + offset });
      const check = await verifyTotpCode({ secret, code, now });
      expect(check).toEqual({ valid: true, timeStep: step + offset / 30 });
    }
    for (const offset of [-90, 90]) {
      const code = await generate({ secret, epoch: epoch + offset });
      expect((await verifyTotpCode({ secret, code, now })).valid).toBe(false);
    }
  });

  it('refuses a code of a step already used (replay) and accepts the next one', async () => {
    const code = await generate({ secret, epoch });
    expect(await verifyTotpCode({ secret, code, now, afterTimeStep: step })).toEqual({ valid: false, reason: 'replayed' });
    expect(await verifyTotpCode({ secret, code, now, afterTimeStep: step + 1 })).toEqual({ valid: false, reason: 'replayed' });
    const next = await generate({ secret, epoch: epoch + 30 });
    expect(await verifyTotpCode({ secret, code: next, now, afterTimeStep: step })).toEqual({ valid: true, timeStep: step + 1 });
  });

  it('ignores spaces, refuses other formats and wrong codes', async () => {
    const code = await generate({ secret, epoch });
    expect((await verifyTotpCode({ secret, code: `${code.slice(0, 3)} ${code.slice(3)}`, now })).valid).toBe(true);
    expect(await verifyTotpCode({ secret, code: '12345', now })).toEqual({ valid: false, reason: 'format' });
    expect(await verifyTotpCode({ secret, code: 'abcdef', now })).toEqual({ valid: false, reason: 'format' });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await verifyTotpCode({ secret, code: wrong, now })).valid).toBe(false);
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes in an unambiguous alphabet', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{5}-[34679ACDEFGHJKMNPQRTUVWXY]{5}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });

  it('are matched whatever the case, spaces and dashes, through a keyed hash that does not contain them', () => {
    const [code] = generateRecoveryCodes(1);
    const hash = hashRecoveryCode(code!, authSecret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(normalizeRecoveryCode(code!));
    expect(hashRecoveryCode(` ${code!.toLowerCase().replace('-', ' ')} `, authSecret)).toBe(hash);
    expect(hashRecoveryCode(code!, 'another-secret-of-more-than-32-characters!!')).not.toBe(hash);
  });
});
