import { describe, expect, it } from 'vitest';
import { redirectForStep, stepTitle } from '@/lib/onboarding/steps';

describe('wizard steps', () => {
  it('keeps the visitor on a step already reached and sends a jump ahead back to the step reached', () => {
    expect(redirectForStep(3, 2)).toBeNull();
    expect(redirectForStep(3, 3)).toBeNull();
    expect(redirectForStep(2, 4)).toBe('/premiere-connexion/identification');
    expect(redirectForStep(3, 4)).toBe('/premiere-connexion/adresse-et-mot-de-passe');
    expect(redirectForStep(null, 2)).toBe('/premiere-connexion');
  });

  it('titles each step « Étape N sur 4 »', () => {
    expect(stepTitle(2)).toBe('Étape 2 sur 4 : Identification');
    expect(stepTitle(4)).toBe('Étape 4 sur 4 : Confirmation');
  });
});
