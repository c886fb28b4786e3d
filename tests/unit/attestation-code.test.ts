import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  checkSymbol,
  formatVerificationCode,
  generateVerificationCode,
  parseVerificationCode,
} from '@/lib/attestations/code';

const symbol = fc.constantFrom(...CROCKFORD_ALPHABET);
const validCode = fc.array(symbol, { minLength: 15, maxLength: 15 }).map((d) => d.join('')).filter((d) => CROCKFORD_ALPHABET.includes(checkSymbol(d))).map((d) => d + checkSymbol(d));

describe('verification codes', () => {
  it('are 16 base32 symbols shown in four groups, accepted back, and do not repeat', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateVerificationCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      expect(formatVerificationCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(parseVerificationCode(formatVerificationCode(code))).toEqual({ ok: true, code });
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
  });

  it('use Crockford’s check symbol (value mod 37), drawing again rather than emitting *~$=U', () => {
    expect(checkSymbol('0')).toBe('0');
    expect(checkSymbol('14')).toBe('U'); // 1×32 + 4 = 36
    expect(checkSymbol('15')).toBe('0'); // 37
    // Draws whose check would be U (36) or = (35) are refused: the generator asks for other bytes.
    const draws = [new Uint8Array(15).map((_, i) => (i === 13 ? 1 : i === 14 ? 4 : 0)), new Uint8Array(15).fill(7), new Uint8Array(15).fill(3)];
    expect(checkSymbol('7'.repeat(15))).toBe('=');
    const code = generateVerificationCode(() => draws.shift()!);
    expect(code).toBe(`${'3'.repeat(15)}F`); // 15 → F
    expect(draws).toHaveLength(0);
  });

  it('tolerate lower case, missing or extra dashes and spaces, O for 0 and I or L for 1', () => {
    const code = `${'01'.repeat(7)}A`;
    const full = code + checkSymbol(code);
    const typed = full.toLowerCase().replace(/0/g, 'o').replace(/1/g, (_, i: number) => (i % 4 ? 'l' : 'I'));
    expect(parseVerificationCode(typed)).toEqual({ ok: true, code: full });
    expect(parseVerificationCode(` ${formatVerificationCode(full).replace(/-/g, ' - ')} `)).toEqual({ ok: true, code: full });
  });

  it('catch every single-symbol typo and every swap of two neighbours with the check symbol', () => {
    fc.assert(
      fc.property(validCode, fc.nat(15), symbol, (code, pos, replacement) => {
        fc.pre(code[pos] !== replacement);
        const typo = code.slice(0, pos) + replacement + code.slice(pos + 1);
        const result = parseVerificationCode(typo);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).toBe('check');
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(validCode, fc.nat(14), (code, pos) => {
        fc.pre(code[pos] !== code[pos + 1]);
        const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        expect(parseVerificationCode(swapped).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('explain what is wrong in French', () => {
    expect(parseVerificationCode('   ')).toMatchObject({ ok: false, reason: 'empty' });
    // The example the messages and the form show is itself well-formed.
    expect(parseVerificationCode('7KQ2-M9XD-4TFA-RC38')).toEqual({ ok: true, code: '7KQ2M9XD4TFARC38' });
    expect(parseVerificationCode('7KQ2-M9XD')).toMatchObject({ ok: false, reason: 'length', message: expect.stringContaining('16 caractères') });
    expect(parseVerificationCode('7KQ2-M9XD-4TFA-RCUW')).toMatchObject({ ok: false, reason: 'character', message: expect.stringContaining('« U »') });
    const code = generateVerificationCode();
    const wrong = code.slice(0, 15) + CROCKFORD_ALPHABET[(CROCKFORD_ALPHABET.indexOf(code[15]!) + 1) % 32];
    expect(parseVerificationCode(wrong)).toMatchObject({ ok: false, reason: 'check', message: expect.stringContaining('faute de frappe') });
  });
});
