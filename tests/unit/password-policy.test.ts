import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '@/lib/auth/password-policy';

const user = ['gerant@renovation-rhenane.test', 'Lucas', 'Weber'];

describe('password policy', () => {
  it('refuses fewer than 12 characters, whatever their variety', () => {
    const r = checkPasswordPolicy('Xq7!b#Lm2$z', user);
    expect(r.ok).toBe(false);
    expect(r.message).toBe('Le mot de passe doit contenir au moins 12 caractères.');
  });

  it.each(['motdepasse123', 'azertyuiop12', 'soleilsoleil', '123456789012', 'Bonjour12345'])('refuses the guessable %s with a French reason', (pw) => {
    const r = checkPasswordPolicy(pw, user);
    expect(r.ok).toBe(false);
    expect(r.score).toBeLessThan(3);
    expect(r.message).toMatch(/^Ce mot de passe est trop facile à deviner/);
  });

  it('counts the user’s own data (email parts, names) as known words', () => {
    expect(checkPasswordPolicy('rhenanerenovation', []).ok).toBe(true);
    expect(checkPasswordPolicy('rhenanerenovation', user).ok).toBe(false);
  });

  it('accepts long passphrases without any composition rule', () => {
    const r = checkPasswordPolicy('cheval trombone pile agrafe', user);
    expect(r).toEqual({ ok: true, score: 4 });
    expect(checkPasswordPolicy('Tr0mbone-Cheval-Pile', user).ok).toBe(true);
  });
});
