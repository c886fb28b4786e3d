import type { Metadata } from 'next';
import Link from 'next/link';
import { GuideShell, GuideStep } from '@/app/_components/guide-shell';
import { getGuide } from '@/lib/site/guides';

const guide = getGuide('attestation-mise-a-jour');

export const metadata: Metadata = { title: guide.title };

export default function AttestationGuidePage() {
  return (
    <GuideShell
      guide={guide}
      intro={
        <p>
          L’attestation de mise à jour certifie qu’à une date donnée, votre entreprise est à jour de ses déclarations et de ses
          paiements auprès de la caisse. Les acheteurs publics (pour un marché public) et les entreprises principales (pour la
          sous-traitance) vous la demandent.
        </p>
      }
    >
      <GuideStep id="etape-telecharger" number={1} title="Téléchargez l’attestation">
        <p>
          Connectez-vous à votre Espace sécurisé et ouvrez la rubrique des attestations. Si votre entreprise est à jour, l’attestation
          se télécharge en un clic, en PDF, datée du jour. Vous pouvez l’imprimer ou l’envoyer par courriel.
        </p>
      </GuideStep>

      <GuideStep id="etape-pas-a-jour" number={2} title="Pas à jour ? L’espace vous dit ce qui manque">
        <p>
          Si une déclaration manque ou qu’une cotisation n’est pas réglée, l’espace ne délivre pas l’attestation et vous explique
          précisément ce qui manque. Régularisez (déclarez ou payez), puis téléchargez-la de nouveau.
        </p>
      </GuideStep>

      <GuideStep id="etape-verifier" number={3} title="Votre client la vérifie avec le QR code">
        <p>
          Chaque attestation porte un <strong>QR code</strong> et un <strong>code de vérification</strong>. Celui qui la reçoit :
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>scanne le QR code avec l’appareil photo de son téléphone ;</li>
          <li>
            ou saisit le code de vérification sur la page{' '}
            <Link className="font-semibold text-brand underline" href="/verifier">
              Vérifier une attestation
            </Link>
            .
          </li>
        </ul>
        <p>
          La page de la caisse affiche aussitôt si l’attestation est <strong>authentique</strong> et <strong>valide</strong>, avec le nom
          de l’entreprise et la date. Une attestation modifiée ou inventée ne passe pas : la page montre ce que la caisse a réellement
          délivré. Aucun compte n’est nécessaire pour vérifier.
        </p>
      </GuideStep>
    </GuideShell>
  );
}
