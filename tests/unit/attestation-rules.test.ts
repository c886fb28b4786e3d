import { describe, expect, it } from 'vitest';
import { computeValidUntil, formatAttestationNumber, getAttestationState, ATTESTATION_NUMBER_PATTERN } from '@/lib/attestations/rules';

describe('attestation rules', () => {
  it('end validity the day before the same day N months later, clamped to short months', () => {
    expect(computeValidUntil('2026-11-27', 3)).toBe('2027-02-26');
    expect(computeValidUntil('2026-11-30', 3)).toBe('2027-02-27');
    expect(computeValidUntil('2027-11-30', 3)).toBe('2028-02-28'); // 2028 is a leap year: 29 Feb − 1
    expect(computeValidUntil('2027-01-31', 3)).toBe('2027-04-29');
    expect(computeValidUntil('2026-03-01', 1)).toBe('2026-03-31');
    expect(computeValidUntil('2026-10-15', 6)).toBe('2027-04-14');
  });

  it('are valid through their last day, expired the day after, revoked whatever the date', () => {
    const a = { validUntil: '2027-02-26', revokedAt: null };
    expect(getAttestationState(a, '2027-02-26')).toEqual({ status: 'valid' });
    expect(getAttestationState(a, '2027-02-27')).toEqual({ status: 'expired', since: '2027-02-27' });
    const revokedAt = new Date('2026-12-03T09:00:00Z');
    expect(getAttestationState({ ...a, revokedAt }, '2026-12-04')).toEqual({ status: 'revoked', on: revokedAt });
    expect(getAttestationState({ ...a, revokedAt }, '2028-01-01').status).toBe('revoked');
  });

  it('number attestations ATT-year-sequence', () => {
    expect(formatAttestationNumber('2026', 42)).toBe('ATT-2026-000042');
    expect(formatAttestationNumber(2027, 1234567)).toBe('ATT-2027-1234567');
    expect(ATTESTATION_NUMBER_PATTERN.test('ATT-2026-000042')).toBe(true);
    expect(ATTESTATION_NUMBER_PATTERN.test('ATT-2026-42')).toBe(false);
  });
});
