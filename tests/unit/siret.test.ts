import { describe, expect, it } from 'vitest';
import { checkSiret, formatSiret, normalizeSiret } from '@/lib/companies/siret';

describe('SIRET', () => {
  it.each([
    ['91234567500017', true],
    ['912 345 675 00017', true],
    ['912.345.675.00017', true],
    ['92345678400019', true],
    ['93456789200013', true],
    ['73282932000074', true],
    ['91234567500018', false], // last digit changed: Luhn over the 14 digits fails
    ['91234567600017', false], // SIREN changed: Luhn over the SIREN fails
    // La Poste (SIREN 356000000): digit sum a multiple of 5, Luhn not applied (3+5+6 = 14)
    ['35600000000010', true], // sum 15, although Luhn fails
    ['35600000000097', true], // sum 30
    ['35600000000011', false], // sum 16
    ['35600000000019', false], // sum 24
  ])('%s → %s', (input, expected) => {
    expect(checkSiret(input).ok).toBe(expected);
  });

  it('gives a reason a user understands', () => {
    expect(checkSiret('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkSiret('1234')).toMatchObject({ ok: false, reason: 'format', message: expect.stringContaining('14 chiffres') });
    expect(checkSiret('9123456750001A')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkSiret('91234567500018')).toMatchObject({ ok: false, reason: 'checksum' });
  });

  it('normalises and formats', () => {
    expect(normalizeSiret(' 912\u00a0345 675 00017 ')).toBe('91234567500017');
    expect(formatSiret('91234567500017')).toBe('912 345 675 00017');
  });
});

describe('luhnCheckDigit', () => {
  it('completes a SIREN and a SIRET into valid numbers', async () => {
    const { luhnCheckDigit } = await import('@/lib/companies/siret');
    expect(luhnCheckDigit('91234567')).toBe('5');
    const siren = '912345675';
    expect(checkSiret(siren + '0001' + luhnCheckDigit(siren + '0001')).ok).toBe(true);
  });
});
