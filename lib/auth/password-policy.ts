import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnFr from '@zxcvbn-ts/language-fr';

// Pure and importable by client code (a live strength meter can call it too). The policy follows
// NIST SP 800-63B: a minimum length, no composition rules, and a refusal of guessable passwords
// (common/breached lists, French words and names, keyboard patterns, the user's own data).

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn score (0–4) a password must reach: 3 = "safely unguessable" (≈ 10^8 guesses and more). */
export const PASSWORD_MIN_SCORE = 3;

let zxcvbn: ZxcvbnFactory | undefined;

function getZxcvbn(): ZxcvbnFactory {
  // Built on first use: the dictionaries are large and most modules importing this never check a password.
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnFr.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnFr.translations,
  });
  return zxcvbn;
}

/** The user's data and its parts ("gerant@renovation-rhenane.test" → also "gerant", "renovation", "rhenane"). */
function expandUserInputs(userInputs: string[]): string[] {
  const out = new Set<string>();
  for (const input of userInputs) {
    const value = input.trim().toLowerCase();
    if (!value) continue;
    out.add(value);
    for (const part of value.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) out.add(part);
  }
  return [...out];
}

/**
 * Checks a new password: at least 12 characters, and a zxcvbn-ts score of at least 3 with the French
 * dictionaries, `userInputs` (email, names, company) counting as known words. `message` is the French
 * reason to show on the field when refused.
 */
export function checkPasswordPolicy(password: string, userInputs: string[]): { ok: boolean; score: number; message?: string } {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { ok: false, score: 0, message: `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.` };
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return { ok: false, score: 0, message: `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.` };
  }
  // zxcvbn's cost grows with the length; its estimate is meaningful on the first 100 characters.
  const result = getZxcvbn().check(password.slice(0, 100), expandUserInputs(userInputs));
  if (result.score >= PASSWORD_MIN_SCORE) return { ok: true, score: result.score };
  const hint = result.feedback.warning ?? result.feedback.suggestions[0];
  return {
    ok: false,
    score: result.score,
    message: `Ce mot de passe est trop facile à deviner${hint ? ` : ${hint.replace(/\.$/, '')}` : ''}. Allongez-le, par exemple avec plusieurs mots sans rapport entre eux.`,
  };
}
