import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';

// Password policy (same rule everywhere a password is chosen): at least 12 characters and not guessable
// (zxcvbn score ≥ 3 with the French and common dictionaries, the person's own name/email counted as known).
// Pure, no I/O: also usable client-side for a live hint.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: fr.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...fr.dictionary },
  });
  return factory;
}

export type PasswordPolicyResult = { ok: boolean; score: number; message?: string };

/** `userInputs`: the person's email, names, company… — words an attacker would try first. */
export function checkPasswordPolicy(password: string, userInputs: string[] = []): PasswordPolicyResult {
  if (password.length < PASSWORD_MIN_LENGTH)
    return { ok: false, score: 0, message: `Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.` };
  if (password.length > PASSWORD_MAX_LENGTH)
    return { ok: false, score: 0, message: `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.` };
  const inputs = userInputs.flatMap((v) => [v, ...v.split(/[@.\s_-]+/)]).filter((v) => v.length >= 3);
  const result = zxcvbn().check(password, inputs);
  if (result.score < MIN_SCORE)
    return {
      ok: false,
      score: result.score,
      message: 'Ce mot de passe est trop facile à deviner : allongez-le ou mêlez plusieurs mots sans rapport avec vous.',
    };
  return { ok: true, score: result.score };
}
