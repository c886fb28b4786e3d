// The wizard's four steps (pure: shared by pages, the stepper and tests).

export const wizardSteps = [
  { number: 1, path: '/premiere-connexion', label: 'Questions' },
  { number: 2, path: '/premiere-connexion/identification', label: 'Identification' },
  { number: 3, path: '/premiere-connexion/adresse-et-mot-de-passe', label: 'Adresse et mot de passe' },
  { number: 4, path: '/premiere-connexion/messagerie', label: 'Confirmation' },
] as const;

export type WizardStepNumber = (typeof wizardSteps)[number]['number'];

export const wizardStepCount = wizardSteps.length;

export function stepPath(step: number): string {
  return (wizardSteps.find((s) => s.number === step) ?? wizardSteps[0]).path;
}

/**
 * Where a visitor asking for `requested` must go instead, or null when they may stay. A later step than
 * the one reached sends back to the step reached; earlier steps stay open (going back).
 */
export function redirectForStep(stepReached: number | null | undefined, requested: WizardStepNumber): string | null {
  const reached = stepReached ?? 1;
  if (requested <= reached) return null;
  return stepPath(reached);
}

/** « Étape 2 sur 4 : Identification » */
export function stepTitle(step: WizardStepNumber): string {
  return `Étape ${step} sur ${wizardStepCount} : ${wizardSteps[step - 1]!.label}`;
}
