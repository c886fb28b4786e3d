import type { Metadata } from 'next';
import Link from 'next/link';
import { formatSiret } from '@/lib/companies/siret';
import { requireWizardStep } from '@/lib/onboarding/current';
import { stepPath, stepTitle } from '@/lib/onboarding/steps';
import { WizardFrame } from '../_components/wizard-frame';
import { IdentificationForm } from './identification-form';

export const metadata: Metadata = { title: `${stepTitle(2)} — Je crée mon espace sécurisé` };

export default async function IdentificationPage() {
  const wizard = await requireWizardStep(2);
  return (
    <WizardFrame step={2} reached={wizard.stepReached}>
      {wizard.isIdentified && wizard.organisation ? (
        <div className="rounded-lg border-l-4 border-green-700 bg-green-50 p-4">
          <p>
            Vos courriers ont été vérifiés pour <strong>{wizard.organisation.name}</strong> (SIRET {formatSiret(wizard.organisation.siret)}).
          </p>
          <p className="mt-2">
            <Link className="font-semibold text-brand-dark underline" href={stepPath(3)}>
              Continuer à l’étape 3
            </Link>{' '}
            ou saisissez ci-dessous d’autres courriers.
          </p>
        </div>
      ) : (
        <p>Saisissez le numéro SIRET de votre {wizard.organisationKind === 'accounting_firm' ? 'cabinet' : 'entreprise'} et les informations de vos deux courriers.</p>
      )}
      <IdentificationForm defaults={{ siret: wizard.siret ? formatSiret(wizard.siret) : '' }} />
      <p>
        <Link className="text-brand underline" href={stepPath(1)}>
          Retour à l’étape précédente
        </Link>
      </p>
    </WizardFrame>
  );
}
