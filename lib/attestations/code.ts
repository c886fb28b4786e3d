// Verification codes (pure, no I/O, importable by client code).
//
// A code is 15 Crockford base32 symbols (75 random bits) followed by Crockford's check symbol (the
// 75-bit value mod 37), shown in four groups of four: `7KQ2-M9XD-4TFA-RC38`.
// Crockford's check alphabet has five extra symbols (`*~$=U`) that are awkward to type on a phone, so
// issuance draws again when the check value would be ≥ 32: every code is 16 plain base32 symbols and
// any reader can still verify it with the standard algorithm (≈ 74.8 bits of entropy remain).
// 37 is prime and 32 ≡ −5 (mod 37), so every single-symbol substitution and every swap of two
// adjacent symbols changes the check: typos are caught before anything is looked up.

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_ALPHABET = `${CROCKFORD_ALPHABET}*~$=U`;
export const CODE_DATA_LENGTH = 15;
export const CODE_LENGTH = CODE_DATA_LENGTH + 1;

const symbolValue = new Map<string, number>([...CHECK_ALPHABET].map((c, i) => [c, i]));

function dataValue(data: string): bigint {
  let v = 0n;
  for (const c of data) v = v * 32n + BigInt(symbolValue.get(c)!);
  return v;
}

/** Crockford's check symbol of a string of base32 symbols. */
export function checkSymbol(data: string): string {
  return CHECK_ALPHABET[Number(dataValue(data) % 37n)]!;
}

/** A new code, normalised (16 symbols, no separators). `random` is injectable for tests. */
export function generateVerificationCode(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  for (;;) {
    const bytes = random(CODE_DATA_LENGTH);
    let data = '';
    for (const b of bytes) data += CROCKFORD_ALPHABET[b & 31];
    const check = checkSymbol(data);
    if (symbolValue.get(check)! < 32) return data + check;
  }
}

/** « 7KQ2-M9XD-4TFA-RC38 » */
export function formatVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

export type CodeCheck =
  | { ok: true; code: string }
  | { ok: false; reason: 'empty' | 'length' | 'character' | 'check'; message: string };

// A well-formed code (its check symbol is right) that no attestation carries.
const example = '7KQ2-M9XD-4TFA-RC38';

/**
 * Reads a code as a person types or a QR passes it: spaces, dashes, dots and case are ignored, O is
 * read as 0 and I/L as 1 (Crockford's decoding rules). Then the length and the check symbol decide.
 */
export function parseVerificationCode(input: string): CodeCheck {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-._\u00a0\u202f\u2010-\u2015]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned === '') return { ok: false, reason: 'empty', message: `Saisissez le code de vérification imprimé sur l’attestation (par exemple ${example}).` };
  const bad = [...cleaned].find((c) => !CROCKFORD_ALPHABET.includes(c));
  if (bad)
    return {
      ok: false,
      reason: 'character',
      message: `Le caractère « ${bad} » ne figure dans aucun code de vérification : vérifiez votre saisie (lettres et chiffres seulement, sans U).`,
    };
  if (cleaned.length !== CODE_LENGTH)
    return {
      ok: false,
      reason: 'length',
      message: `Le code de vérification compte ${CODE_LENGTH} caractères (par exemple ${example}) ; vous en avez saisi ${cleaned.length}.`,
    };
  if (checkSymbol(cleaned.slice(0, CODE_DATA_LENGTH)) !== cleaned[CODE_DATA_LENGTH])
    return {
      ok: false,
      reason: 'check',
      message: 'Ce code comporte une faute de frappe : relisez chaque caractère (le dernier caractère sert de contrôle).',
    };
  return { ok: true, code: cleaned };
}
