// Valid SIRETs for test data: Luhn over the SIREN and over the 14 digits (lib/companies/siret.ts).
import { luhnCheckDigit } from '@/lib/companies/siret';

/** A valid SIRET derived from a number (distinct numbers give distinct SIRETs; never La Poste's SIREN). */
export function testSiret(n: number): string {
  const sirenBody = String(10_000_000 + (n % 80_000_000)).padStart(8, '0');
  const siren = sirenBody + luhnCheckDigit(sirenBody);
  const nicBody = String(Math.floor(n / 80_000_000) % 10_000).padStart(4, '0');
  const partial = siren + nicBody;
  return partial + luhnCheckDigit(partial);
}
