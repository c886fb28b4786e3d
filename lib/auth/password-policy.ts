import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as frDictionary, translations as frTranslations } from '@zxcvbn-ts/language-fr';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE } from './password-limits';

// Password rule (pure, shared by the server check and the browser's strength meter): NIST SP 800-63B
// style — a minimum length, no composition rules, and a refusal of what an attacker would try first
// (common and breached passwords, French words and names, keyboard walks, the user's own data),
// estimated by zxcvbn-ts. The browser loads this module lazily: the dictionaries weigh ~1 MB.

export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_SCORE };

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export type PasswordPolicyResult = {
  ok: boolean;
  score: PasswordScore;
  /** « Très faible » … « Très robuste »: what the meter says in words (never colour only). */
  label: string;
  /** French messages: why it is refused, or how to do better. */
  feedback: string[];
  /** The first reason to show on the field when refused. */
  message?: string;
};

export const scoreLabels: Record<PasswordScore, string> = {
  0: 'Très faible',
  1: 'Faible',
  2: 'Moyen',
  3: 'Robuste',
  4: 'Très robuste',
};

let factory: ZxcvbnFactory | undefined;
function getZxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...frDictionary },
    graphs: adjacencyGraphs,
    translations: frTranslations,
    // Levenshtein matching multiplies the cost by 10–50 (seconds for some inputs): too slow for a live meter.
    useLevenshteinDistance: false,
    // zxcvbn's cost grows with length; beyond this the extra characters only add strength anyway.
    maxLength: 100,
  });
  return factory;
}

/**
 * Words the user (or anyone who knows the company) would guess first: the company name and each of its
 * words, the SIRET and SIREN, the email and its local part.
 */
export function expandUserInputs(inputs: string[]): string[] {
  const out = new Set<string>();
  for (const raw of inputs) {
    const value = raw.trim().toLowerCase();
    if (!value) continue;
    out.add(value);
    const digits = value.replace(/[\s.]/g, '');
    if (/^\d{14}$/.test(digits)) {
      out.add(digits);
      out.add(digits.slice(0, 9));
    }
    if (value.includes('@')) {
      const [local, domain] = value.split('@');
      if (local) out.add(local);
      if (domain) out.add(domain.split('.')[0]!);
    }
    for (const word of value.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 3) out.add(word);
  }
  return [...out];
}

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The password contains one of the user's own long-enough values verbatim (SIRET, email, name…). */
function containsUserInput(password: string, inputs: string[]): boolean {
  const p = stripAccents(password.toLowerCase()).replace(/\s+/g, '');
  return inputs.some((i) => {
    const v = stripAccents(i).replace(/\s+/g, '');
    return v.length >= 6 && p.includes(v);
  });
}

export function checkPasswordPolicy(password: string, userInputs: string[] = []): PasswordPolicyResult {
  const inputs = expandUserInputs(userInputs);
  const feedback: string[] = [];
  if (password.length > MAX_PASSWORD_LENGTH) {
    const tooLong = `Le mot de passe ne doit pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`;
    return { ok: false, score: 0, label: scoreLabels[0], feedback: [tooLong], message: tooLong };
  }
  const result: ZxcvbnResult = getZxcvbn().check(password, inputs);
  let score = result.score as PasswordScore;
  const tooShort = [...password].length < MIN_PASSWORD_LENGTH;
  if (tooShort) {
    // A short password is refused whatever zxcvbn thinks of it: the meter must not call it « robuste ».
    score = Math.min(score, 1) as PasswordScore;
    feedback.push(`Le mot de passe doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`);
  }
  if (containsUserInput(password, inputs)) {
    score = Math.min(score, 1) as PasswordScore;
    feedback.push('Le mot de passe ne doit reprendre ni le nom de l’entreprise, ni son numéro SIRET, ni votre adresse électronique.');
  }
  if (result.feedback.warning) feedback.push(result.feedback.warning);
  if (score < MIN_PASSWORD_SCORE) {
    if (!tooShort) feedback.push('Ce mot de passe serait trop facile à deviner.');
    feedback.push(...result.feedback.suggestions);
    if (!result.feedback.suggestions.length) feedback.push('Allongez-le, par exemple avec plusieurs mots sans rapport entre eux.');
  }
  const ok = !tooShort && score >= MIN_PASSWORD_SCORE;
  const unique = [...new Set(feedback)];
  // The field's message: the refusal first, then zxcvbn's own hint when it has one.
  const hint = result.feedback.warning ?? result.feedback.suggestions[0];
  const message = ok
    ? undefined
    : tooShort || containsUserInput(password, inputs)
      ? unique[0]
      : `Ce mot de passe est trop facile à deviner${hint ? ` : ${hint.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())}` : ''}. Allongez-le, par exemple avec plusieurs mots sans rapport entre eux.`;
  return { ok, score, label: scoreLabels[score], feedback: unique, message };
}
