import type { Metadata } from 'next';
import Link from 'next/link';
import { formatSiret } from '@/lib/companies/siret';
import { requireWizardStep } from '@/lib/onboarding/current';
import { stepPath, stepTitle } from '@/lib/onboarding/steps';
import { WizardFrame } from '../_components/wizard-frame';
import { AccountForm } from './account-form';

export const metadata: Metadata = { title: `${stepTitle(3)} — Je crée mon espace sécurisé` };

export default async function AccountPage() {
  const wizard = await requireWizardStep(3);
  const org = wizard.organisation!;
  return (
    <WizardFrame step={3} reached={wizard.stepReached}>
      <p>
        Espace de <strong>{org.name}</strong> (SIRET {formatSiret(org.siret)}). Indiquez l’adresse électronique qui vous servira désormais
        d’identifiant, puis choisissez votre mot de passe.
      </p>
      <AccountForm defaults={{ email: wizard.email ?? '', emailConfirmation: wizard.email ?? '' }} userInputs={[org.name, org.siret]} />
      <p>
        <Link className="text-brand underline" href={stepPath(2)}>
          Retour à l’étape précédente
        </Link>
      </p>
    </WizardFrame>
  );
}
