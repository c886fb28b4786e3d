import type { Metadata } from 'next';
import Link from 'next/link';
import { GuideShell, GuideStep } from '@/app/_components/guide-shell';
import { getGuide } from '@/lib/site/guides';

const guide = getGuide('deleguer-cabinet-comptable');

export const metadata: Metadata = { title: guide.title };

export default function DelegationGuidePage() {
  return (
    <GuideShell
      guide={guide}
      intro={
        <>
          <p className="font-bold uppercase text-brand-dark">Vous déléguez à un cabinet comptable ? Ne tardez pas !</p>
          <p className="mt-2">
            Si vous confiez la gestion de vos démarches à un cabinet comptable, son habilitation ne sera plus valable et devra
            impérativement être renouvelée dans le nouvel Espace sécurisé. Tant que ce n’est pas fait, votre cabinet ne voit plus votre
            dossier.
          </p>
        </>
      }
    >
      <GuideStep id="etape-connexion" number={1} title="Connectez-vous à votre Espace sécurisé">
        <p>
          Seule l’entreprise peut donner l’accès à son dossier. Connectez-vous avec votre adresse de courriel et votre mot de passe. Pas
          encore d’espace ? Commencez par la{' '}
          <Link className="font-semibold text-brand underline" href="/services-en-ligne/informations-pratiques/premiere-connexion">
            première connexion
          </Link>
          .
        </p>
      </GuideStep>

      <GuideStep id="etape-menu" number={2} title="Ouvrez « Gérer mon compte utilisateur et les droits d’accès »">
        <p>
          Une fois connecté au nouvel Espace sécurisé, rendez-vous dans le menu{' '}
          <strong>« Gérer mon compte utilisateur et les droits d’accès »</strong>.
        </p>
      </GuideStep>

      <GuideStep id="etape-droits" number={3} title="Sélectionnez « Gérer les droits d’accès »">
        <p>
          Sélectionnez <strong>« Gérer les droits d’accès »</strong> puis cliquez sur le bouton{' '}
          <strong>Déléguez à mon cabinet comptable</strong>.
        </p>
      </GuideStep>

      <GuideStep id="etape-cabinet" number={4} title="Indiquez votre cabinet et confirmez">
        <p>
          Suivez les indications à l’écran : vous désignez votre cabinet comptable (son numéro SIRET vous sera demandé) et vous
          confirmez. Votre cabinet retrouve alors votre entreprise dans son propre Espace sécurisé, parmi ses clients.
        </p>
      </GuideStep>

      <GuideStep id="bon-a-savoir" title="Bon à savoir">
        <ul className="list-disc space-y-2 pl-6">
          <li>
            Votre cabinet agit pour vous : déclarations, paiements, congés, attestations. Vous gardez votre propre accès et voyez tout ce
            qu’il fait.
          </li>
          <li>
            Vous pouvez retirer la délégation à tout moment, au même endroit : « Gérer les droits d’accès ».
          </li>
          <li>
            Vous changez de cabinet ? Retirez la délégation de l’ancien, puis déléguez au nouveau.
          </li>
          <li>
            <strong>Vous êtes le cabinet comptable ?</strong> Créez d’abord votre propre Espace sécurisé, comme une entreprise, avec les
            deux courriers reçus à votre nom. Chaque client doit ensuite vous déléguer l’accès : sans sa délégation, vous ne voyez pas
            son dossier.
          </li>
        </ul>
      </GuideStep>
    </GuideShell>
  );
}
