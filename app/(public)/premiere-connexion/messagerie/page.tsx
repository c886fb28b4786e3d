import type { Metadata } from 'next';
import Link from 'next/link';
import { requireWizardStep } from '@/lib/onboarding/current';
import { stepPath, stepTitle } from '@/lib/onboarding/steps';
import { WizardFrame } from '../_components/wizard-frame';
import { ResendForm } from './resend-form';

export const metadata: Metadata = { title: `${stepTitle(4)} — Je crée mon espace sécurisé` };

export default async function CheckMailboxPage() {
  const wizard = await requireWizardStep(4);
  return (
    <WizardFrame step={4} reached={wizard.stepReached}>
      <div className="rounded-lg border-l-4 border-brand bg-brand-light p-4">
        <p className="text-lg font-bold">Consultez votre messagerie</p>
        <p className="mt-2">
          Nous avons envoyé un courriel à <strong className="break-all">{wizard.email}</strong>. Cliquez sur le lien qu’il contient, puis sur
          « Confirmer la création de mon espace » : votre espace sera créé et vous serez connecté.
        </p>
        <p className="mt-2">Le lien est valable 24 heures et ne sert qu’une fois. Vos courriers restent valables d’ici là.</p>
      </div>
      <section aria-labelledby="titre-rien-recu" className="flex flex-col gap-3">
        <h3 id="titre-rien-recu" className="text-lg font-bold">
          Vous n’avez rien reçu ?
        </h3>
        <p>Patientez quelques minutes et regardez dans le dossier des courriers indésirables. Sinon :</p>
        <ResendForm />
        <p>
          L’adresse est erronée ?{' '}
          <Link className="text-brand underline" href={stepPath(3)}>
            Modifier l’adresse électronique
          </Link>{' '}
          (le lien déjà envoyé ne fonctionnera plus).
        </p>
      </section>
    </WizardFrame>
  );
}
