// SIRET rules (pure, no I/O): 14 digits, Luhn over the 9-digit SIREN and over all 14 digits.
// La Poste (SIREN 356000000) numbers its establishments outside Luhn: the digit sum is a multiple of 5.

export const LA_POSTE_SIREN = '356000000';

export type SiretCheck =
  | { ok: true; siret: string }
  | { ok: false; reason: 'empty' | 'format' | 'checksum'; message: string };

function luhnIsValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit d such that `partial + d` passes Luhn (used to build valid test and bench SIRETs). */
export function luhnCheckDigit(partial: string): string {
  for (let d = 0; d <= 9; d++) if (luhnIsValid(partial + d)) return String(d);
  throw new Error('unreachable: one Luhn digit always fits');
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const c of digits) sum += c.charCodeAt(0) - 48;
  return sum;
}

/** Removes the spaces, dots and non-breaking spaces people type or paste inside a SIRET. */
export function normalizeSiret(input: string): string {
  return input.replace(/[\s.\u00a0\u202f-]/g, '');
}

export function checkSiret(input: string): SiretCheck {
  const siret = normalizeSiret(input);
  if (siret === '') return { ok: false, reason: 'empty', message: 'Indiquez le numéro SIRET (14 chiffres).' };
  if (!/^\d{14}$/.test(siret))
    return { ok: false, reason: 'format', message: 'Le numéro SIRET doit comporter exactement 14 chiffres.' };
  const siren = siret.slice(0, 9);
  const valid =
    siren === LA_POSTE_SIREN ? digitSum(siret) % 5 === 0 : luhnIsValid(siren) && luhnIsValid(siret);
  if (!valid)
    return {
      ok: false,
      reason: 'checksum',
      message: 'Ce numéro SIRET n’existe pas : vérifiez les chiffres (une faute de frappe est vite arrivée).',
    };
  return { ok: true, siret };
}

export function isValidSiret(input: string): boolean {
  return checkSiret(input).ok;
}

/** « 912 345 675 00017 »: how the portal shows a SIRET. */
export function formatSiret(siret: string): string {
  const s = normalizeSiret(siret);
  return /^\d{14}$/.test(s) ? `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}` : siret;
}
