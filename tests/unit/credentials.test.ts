import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_ENTROPY_BITS,
  CODE_LENGTH,
  generateConfidentialCode,
  generateProvisionalIdentifier,
  hashCode,
  hashIdentifier,
  normalizeCode,
  normalizeIdentifier,
  verifyCode,
} from '@/lib/onboarding/credentials';
import { checkSiret } from '@/lib/companies/siret';

const ambiguous = ['0', 'O', '1', 'I', 'L'];

describe('confidential code', () => {
  it('is two groups of five symbols of the unambiguous alphabet', () => {
    const symbol = `[${CODE_ALPHABET}]`;
    const format = new RegExp(`^${symbol}{5}-${symbol}{5}$`);
    for (let i = 0; i < 500; i++) {
      const code = generateConfidentialCode();
      expect(code).toMatch(format);
      for (const c of ambiguous) expect(code).not.toContain(c);
    }
  });

  it('draws from an alphabet without 0/O/1/I/L or repeats, for at least 40 bits', () => {
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    for (const c of ambiguous) expect(CODE_ALPHABET).not.toContain(c);
    expect(CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
    const bits = CODE_LENGTH * Math.log2(CODE_ALPHABET.length);
    expect(bits).toBe(CODE_ENTROPY_BITS);
    expect(bits).toBeGreaterThanOrEqual(40);
    expect(normalizeCode(generateConfidentialCode())).toHaveLength(CODE_LENGTH);
  });

  it('draws every symbol uniformly (chi-square), with no value repeating', () => {
    const codes = Array.from({ length: 10_000 }, generateConfidentialCode);
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const c of codes.join('').replace(/-/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe([...CODE_ALPHABET].sort().join(''));
    // 100,000 symbols over 31. A byte taken modulo 31 (a classic bias) gives chi² ≈ 280; a fair draw stays
    // near 30 (30 degrees of freedom) and passes 85 about once in a million runs.
    const expected = (codes.length * CODE_LENGTH) / CODE_ALPHABET.length;
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(85);
  });
});

describe('provisional identifier', () => {
  it('is « GE-<year of issue>-<8 random digits> » and random', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    const ids = Array.from({ length: 200 }, () => generateProvisionalIdentifier({ now }));
    for (const id of ids) expect(id).toMatch(/^GE-2026-\d{8}$/);
    // 200 draws among 10^8: a collision or two is possible (issueLetters retries), five means no randomness.
    expect(new Set(ids).size).toBeGreaterThan(195);
  });

  it('takes the year in France (New Year’s Eve 23:30 UTC is already January in Paris)', () => {
    expect(generateProvisionalIdentifier({ now: new Date('2026-12-31T23:30:00Z') })).toMatch(/^GE-2027-/);
    expect(generateProvisionalIdentifier({ prefix: 'NE', now: new Date('2026-06-01T12:00:00Z') })).toMatch(/^NE-2026-\d{8}$/);
  });
});

describe('normalisation', () => {
  it.each([
    ['k7q4-m2xp', 'K7Q4M2XP'],
    [' K7Q4 M2XP ', 'K7Q4M2XP'],
    ['K7Q4\u2013M2XP', 'K7Q4M2XP'], // en dash from a word processor
    ['k7q4\u00a0m2xp', 'K7Q4M2XP'], // non-breaking space from a copy-paste
    ['K7Q4M-2XPRT', 'K7Q4M2XPRT'],
  ])('code %j → %s', (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });

  it.each([
    ['GE-2026-000417', 'GE2026000417'],
    ['ge 2026 000417', 'GE2026000417'],
    ['  Ge-2026-000 417\t', 'GE2026000417'],
    ['GE\u20112026\u2011000417', 'GE2026000417'], // non-breaking hyphen
  ])('identifier %j → %s', (input, expected) => {
    expect(normalizeIdentifier(input)).toBe(expected);
  });

  it('gives back the issued code whatever spaces, dashes and case the user types', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength: CODE_LENGTH, maxLength: CODE_LENGTH }),
        fc.array(fc.constantFrom('', ' ', '-', '  ', ' - ', '\u00a0'), { minLength: CODE_LENGTH + 1, maxLength: CODE_LENGTH + 1 }),
        fc.array(fc.boolean(), { minLength: CODE_LENGTH, maxLength: CODE_LENGTH }),
        (symbols, separators, lower) => {
          const typed = symbols.map((s, i) => separators[i] + (lower[i] ? s.toLowerCase() : s)).join('') + separators[CODE_LENGTH];
          return normalizeCode(typed) === symbols.join('');
        },
      ),
    );
  });
});

describe('hashing', () => {
  const secret = 'test-secret-of-at-least-32-characters!!';

  it('hashes the identifier with a keyed HMAC, the same for every way of typing it', () => {
    const h = hashIdentifier('GE-2026-000417', secret);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIdentifier('ge 2026 000417', secret)).toBe(h);
    expect(hashIdentifier('GE-2026-000418', secret)).not.toBe(h);
    // Without the server's secret, the hash of a guessed identifier does not match.
    expect(hashIdentifier('GE-2026-000417', `${secret}x`)).not.toBe(h);
  });

  it('hashes the code with argon2id and verifies it however it is typed', async () => {
    const code = generateConfidentialCode();
    const stored = await hashCode(code);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain(normalizeCode(code));
    expect(await verifyCode(stored, code.toLowerCase().replace('-', ' '))).toBe(true);
    const other = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    expect(await verifyCode(stored, other)).toBe(false);
    expect(await verifyCode('not-a-hash', code)).toBe(false);
  });
});

describe('test SIRET helper', () => {
  it('gives valid, distinct SIRETs', async () => {
    const { testSiret } = await import('../support/siret');
    const sirets = Array.from({ length: 200 }, (_, i) => testSiret(i * 7919 + 1));
    for (const s of sirets) expect(checkSiret(s)).toMatchObject({ ok: true });
    expect(new Set(sirets).size).toBe(sirets.length);
  });
});
