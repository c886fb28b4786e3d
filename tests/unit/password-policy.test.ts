import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, expandUserInputs, MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';

const company = ['Bâtiments de l’Est Démo SARL', '91234567500017', 'gerant@batiments-est.test'];

describe('password policy (length ≥ 12, no composition rules, zxcvbn score ≥ 3)', () => {
  it('accepts long passphrases without digits, capitals or symbols', () => {
    for (const p of ['correct horse battery staple', 'jambon orage piscine tulipe', 'Chantier-Velo-Tulipe-42']) {
      const r = checkPasswordPolicy(p, company);
      expect(r, p).toMatchObject({ ok: true });
      expect(r.score).toBeGreaterThanOrEqual(3);
      expect(r.feedback).toEqual([]);
    }
  });

  it('refuses anything shorter than 12 characters, however random, and says so', () => {
    const r = checkPasswordPolicy('x7#Qp!2vZ@k', []);
    expect('x7#Qp!2vZ@k'.length).toBe(MIN_PASSWORD_LENGTH - 1);
    expect(r.ok).toBe(false);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.feedback).toContain('Le mot de passe doit comporter au moins 12 caractères.');
  });

  it('refuses common and breached passwords even when they are long enough or look complex', () => {
    for (const p of ['azertyuiop123', 'Password1234!', 'motdepasse123', '123456789012', 'qwertyuiopasdf']) {
      const r = checkPasswordPolicy(p, []);
      expect(r.ok, p).toBe(false);
      expect(r.score, p).toBeLessThan(3);
      expect(r.feedback.join(' '), p).toMatch(/deviner|utilisé/);
    }
  });

  it('refuses French words and names strung together predictably', () => {
    const r = checkPasswordPolicy('bonjourbonjour', []);
    expect(r.ok).toBe(false);
  });

  it('refuses the company name, its SIRET or SIREN, and the email, even padded', () => {
    for (const p of ['91234567500017Abc!', 'Bâtiments-Est-2026!', 'batimentsdelest2026', '912345675-lorraine', 'gerant@batiments-est.test']) {
      const r = checkPasswordPolicy(p, company);
      expect(r.ok, p).toBe(false);
    }
    // The same shapes without the company's data pass: it is the personal data that is refused.
    expect(checkPasswordPolicy('Bâtiments-Est-2026!', []).score).toBeGreaterThan(checkPasswordPolicy('Bâtiments-Est-2026!', company).score);
  });

  it('gives French feedback and a label in words for the meter', () => {
    const weak = checkPasswordPolicy('soleil', []);
    expect(weak.label).toBe('Très faible');
    expect(weak.feedback.length).toBeGreaterThan(0);
    expect(weak.feedback.every((f) => /[a-zàâçéèêëîïôûù]/i.test(f) && !/\b(the|password|add)\b/i.test(f))).toBe(true);
    expect(checkPasswordPolicy('correct horse battery staple', []).label).toBe('Très robuste');
  });

  it('refuses passwords over 256 characters without running the estimator', () => {
    const r = checkPasswordPolicy('a'.repeat(257), []);
    expect(r).toMatchObject({ ok: false, score: 0 });
  });

  it('expands user inputs: company words, SIRET and SIREN, email local part and domain', () => {
    expect(expandUserInputs(['Bâtiments de l’Est', '912 345 675 00017', 'Jean.Dupont@Exemple.fr'])).toEqual(
      expect.arrayContaining(['bâtiments', 'est', '91234567500017', '912345675', 'jean.dupont', 'exemple', 'jean.dupont@exemple.fr']),
    );
  });
});

describe('the message shown on the field', () => {
  it('starts with the refusal, then the hint', () => {
    expect(checkPasswordPolicy('azertyuiop123', []).message).toMatch(/^Ce mot de passe est trop facile à deviner/);
    expect(checkPasswordPolicy('court', []).message).toBe('Le mot de passe doit comporter au moins 12 caractères.');
    expect(checkPasswordPolicy('Rhenane-Chantier-2026', ['gerant@renovation-rhenane.test']).message).toContain('ne doit reprendre');
    expect(checkPasswordPolicy('cheval-agrafe-nuage-violon', []).message).toBeUndefined();
  });
});
