// Attestation rules (pure, no I/O).

import { addDaysToDay } from '@/lib/format';

/**
 * Last day of validity (inclusive) of an attestation issued on `issuedOn` (YYYY-MM-DD) for `months`:
 * the day before the same day `months` later, the day clamped to the end of a shorter month
 * (27 Nov 2026 + 3 → 26 Feb 2027; 30 Nov 2026 + 3 → 27 Feb 2027; 31 Jan + 3 → 29 Apr).
 */
export function computeValidUntil(issuedOn: string, months: number): string {
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const same = new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
  return addDaysToDay(same, -1);
}

export type AttestationState =
  | { status: 'valid' }
  | { status: 'expired'; since: string }
  | { status: 'revoked'; on: Date };

/** Status on `today` (French calendar day): revocation wins over expiry. */
export function getAttestationState(a: { validUntil: string; revokedAt: Date | null }, today: string): AttestationState {
  if (a.revokedAt) return { status: 'revoked', on: a.revokedAt };
  if (today > a.validUntil) return { status: 'expired', since: addDaysToDay(a.validUntil, 1) };
  return { status: 'valid' };
}

export const attestationStatusLabels = { valid: 'valide', expired: 'expirée', revoked: 'révoquée' } as const;

/** « ATT-2026-000042 » */
export function formatAttestationNumber(year: string | number, sequence: number | bigint): string {
  return `ATT-${year}-${String(sequence).padStart(6, '0')}`;
}

export const ATTESTATION_NUMBER_PATTERN = /^ATT-\d{4}-\d{6,}$/;
