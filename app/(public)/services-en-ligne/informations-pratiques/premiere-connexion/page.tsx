import type { Metadata } from 'next';
import Link from 'next/link';
import { GuideShell, GuideStep } from '@/app/_components/guide-shell';
import { getGuide } from '@/lib/site/guides';

const guide = getGuide('premiere-connexion');

export const metadata: Metadata = { title: guide.title };

export default function FirstConnectionGuidePage() {
  return (
    <GuideShell
      guide={guide}
      intro={
        <p>
          Vous créez votre Espace sécurisé une seule fois, en quelques minutes. Ensuite, vous vous connectez avec votre adresse de
          courriel et votre mot de passe, depuis un PC, un Mac, une tablette ou un téléphone.
        </p>
      }
    >
      <GuideStep id="etape-courriers" number={1} title="Munissez-vous des deux courriers">
        <p>
          La caisse vous a envoyé <strong>deux courriers séparés</strong>. Ils contiennent l’<strong>identifiant</strong> et le{' '}
          <strong>code confidentiel</strong> provisoires qui vous permettront de créer votre Espace sécurisé :
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>le premier courrier indique votre <strong>identifiant provisoire</strong> ;</li>
          <li>le second indique votre <strong>code confidentiel provisoire</strong>.</li>
        </ul>
        <p>Préparez aussi :</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            le <strong>numéro SIRET</strong> de votre entreprise (14 chiffres, par exemple sur vos factures ou votre extrait Kbis) ;
          </li>
          <li>
            une <strong>adresse de courriel</strong> que vous consultez souvent : elle vous servira d’identifiant.
          </li>
        </ul>
        <p>
          Gardez les deux courriers jusqu’à la fin de la création. Il vous en manque un ? Voir{' '}
          <Link className="font-semibold text-brand underline" href="/services-en-ligne/informations-pratiques#faq-courrier-perdu">
            « J’ai perdu un courrier »
          </Link>
          .
        </p>
      </GuideStep>

      <GuideStep id="etape-acces" number={2} title="Allez sur la page de connexion">
        <p>Sur le site de la caisse, cliquez sur le bouton <strong>Services en ligne</strong>, en haut de chaque page.</p>
        <p>
          Ou bien ouvrez le menu <strong>Entreprise / Tiers-déclarant</strong> et sélectionnez <strong>« Espace sécurisé entreprise »</strong>.
        </p>
      </GuideStep>

      <GuideStep id="etape-bandeau" number={3} title="Cliquez sur le bandeau bleu">
        <p>Sur la page de connexion à l’Espace sécurisé, cliquez sur le bandeau bleu :</p>
        <p className="rounded-lg bg-brand px-5 py-4 text-white">
          <span className="block">Première connexion à cet espace ?</span>
          <span className="block text-xl font-black">Je crée mon espace sécurisé</span>
        </p>
      </GuideStep>

      <GuideStep id="etape-guide" number={4} title="Laissez-vous guider !">
        <p>
          Après quelques questions, vous aurez à saisir votre <strong>numéro SIRET</strong> ainsi que l’<strong>identifiant</strong> et
          le <strong>code confidentiel</strong> indiqués sur vos courriers.
        </p>
        <p>
          Recopiez-les exactement, tirets compris. Après plusieurs erreurs, le code est bloqué par sécurité : il faudra alors demander de
          nouveaux courriers à votre site.
        </p>
      </GuideStep>

      <GuideStep id="etape-identifiants" number={5} title="Choisissez votre adresse de courriel et votre mot de passe">
        <p>Vous serez ensuite invité à :</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            indiquer et valider l’<strong>adresse de courriel qui vous servira dorénavant d’identifiant</strong> ;
          </li>
          <li>
            choisir un <strong>nouveau mot de passe</strong>. Plus il est long, plus il est sûr : une phrase de plusieurs mots que vous
            retenez facilement fait un bon mot de passe. N’utilisez pas celui d’un autre site.
          </li>
        </ul>
      </GuideStep>

      <GuideStep id="etape-confirmation" number={6} title="Confirmez avec le lien reçu par courriel">
        <p>
          En cliquant sur le <strong>lien qui vous sera envoyé par courriel</strong>, vous confirmerez la création de votre Espace
          sécurisé.
        </p>
        <p>
          Rien reçu après quelques minutes ? Regardez dans le dossier des courriers indésirables (spam), puis vérifiez l’adresse saisie.
        </p>
      </GuideStep>

      <GuideStep id="etape-ensuite" title="Et ensuite ?">
        <p>
          Vous vous connectez désormais avec votre adresse de courriel et votre mot de passe. Les courriers provisoires ne servent plus :
          vous pouvez les détruire.
        </p>
        <p>
          Vous confiez vos démarches à un cabinet comptable ? Son ancienne habilitation n’est plus valable :{' '}
          <Link className="font-semibold text-brand underline" href="/services-en-ligne/informations-pratiques/deleguer-cabinet-comptable">
            déléguez-lui l’accès
          </Link>{' '}
          sans tarder.
        </p>
        <p>
          <Link
            href="/premiere-connexion"
            className="inline-flex min-h-11 items-center rounded-md bg-brand px-5 py-3 font-bold text-white hover:bg-brand-dark"
          >
            Je crée mon espace sécurisé
          </Link>
        </p>
      </GuideStep>
    </GuideShell>
  );
}
