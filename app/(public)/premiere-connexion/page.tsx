import type { Metadata } from 'next';
import { getCurrentWizard } from '@/lib/onboarding/current';
import { stepTitle } from '@/lib/onboarding/steps';
import { WizardFrame } from './_components/wizard-frame';
import { QuestionsForm } from './questions-form';

export const metadata: Metadata = { title: `${stepTitle(1)} — Je crée mon espace sécurisé` };

/** Step 1 of the wizard, reached from the login page's blue banner. */
export default async function QuestionsPage() {
  const wizard = await getCurrentWizard();
  return (
    <WizardFrame step={1} reached={wizard?.stepReached ?? 1}>
      <div className="rounded-lg bg-brand-light p-4">
        <p className="font-semibold">Munissez-vous des deux courriers que vous avez reçus de la caisse.</p>
        <p className="mt-1">
          Ils contiennent l’<strong>identifiant</strong> (courrier n° 1) et le <strong>code confidentiel</strong> (courrier n° 2) provisoires
          qui vous permettent de créer votre espace. Vous choisirez ensuite votre adresse électronique, qui deviendra votre identifiant, et
          votre mot de passe.
        </p>
      </div>
      <QuestionsForm
        defaults={{
          organisationKind: wizard?.organisationKind ?? undefined,
          hasLetters: wizard?.hasLetters === undefined || wizard?.hasLetters === null ? undefined : wizard.hasLetters ? 'oui' : 'non',
        }}
      />
    </WizardFrame>
  );
}
