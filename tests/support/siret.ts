// Valid SIRETs for test data: Luhn over the SIREN and over the 14 digits (lib/companies/siret.ts).

function luhnCheckDigit(partial: string): string {
  // The digit d such that partial + d passes Luhn.
  for (let d = 0; d <= 9; d++) {
    const digits = partial + d;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let n = digits.charCodeAt(digits.length - 1 - i) - 48;
      if (i % 2 === 1) {
        n *= 2;
        if (n > 9) n -= 9;
      }
      sum += n;
    }
    if (sum % 10 === 0) return String(d);
  }
  throw new Error('unreachable');
}

/** A valid SIRET derived from a number (distinct numbers give distinct SIRETs; never La Poste's SIREN). */
export function testSiret(n: number): string {
  const sirenBody = String(10_000_000 + (n % 80_000_000)).padStart(8, '0');
  const siren = sirenBody + luhnCheckDigit(sirenBody);
  const nicBody = String(Math.floor(n / 80_000_000) % 10_000).padStart(4, '0');
  const partial = siren + nicBody;
  return partial + luhnCheckDigit(partial);
}
