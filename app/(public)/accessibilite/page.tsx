import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import { formatDayLong } from '@/lib/format';
import { guides, guidesBasePath } from '@/lib/site/guides';
import { getCaisse } from '@/lib/site/queries';

export const metadata: Metadata = { title: 'Accessibilité' };

// Update with each new evaluation (and the state below once an RGAA audit has been carried out).
const statementDate = '2026-11-27';

const testedPages = [
  { href: '/', label: 'Accueil' },
  { href: '/connexion', label: 'Connexion à l’Espace sécurisé' },
  { href: '/premiere-connexion', label: 'Je crée mon espace sécurisé' },
  { href: '/services-en-ligne', label: 'Services en ligne' },
  { href: guidesBasePath, label: 'Informations pratiques' },
  ...guides.map((g) => ({ href: `${guidesBasePath}/${g.slug}`, label: g.title })),
  { href: '/nos-sites', label: 'Nos sites' },
  { href: '/accessibilite', label: 'Accessibilité' },
  { href: '/mentions-legales', label: 'Mentions légales' },
];

const linkClass = 'font-semibold text-brand underline';
const h2Class = 'mt-10 text-2xl font-bold text-brand-dark';

export default async function AccessibilityPage() {
  const caisse = await getCaisse(await getDb());
  return (
    <div className="mx-auto max-w-3xl leading-relaxed">
      <Breadcrumb items={[{ label: 'Accueil', href: '/' }, { label: 'Accessibilité' }]} />
      <h1 className="text-3xl font-black text-brand-dark">Déclaration d’accessibilité</h1>
      <p className="mt-4">
        {caisse.name} s’engage à rendre ses services en ligne accessibles, conformément à l’article 47 de la loi n° 2005-102 du
        11 février 2005.
      </p>
      <p className="mt-3">
        Cette déclaration d’accessibilité s’applique au site public de {caisse.name} et à son Espace sécurisé.
      </p>

      <h2 className={h2Class}>État de conformité</h2>
      <p className="mt-3">
        Le site est <strong>partiellement conforme</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA),
        version 4.1, en raison des non-conformités et des limites énumérées ci-dessous.
      </p>

      <h2 className={h2Class}>Résultats des tests</h2>
      <p className="mt-3">
        Aucun audit complet des critères du RGAA n’a encore été réalisé par un organisme extérieur. L’état de conformité repose sur
        une évaluation interne, refaite à chaque nouvelle version du site :
      </p>
      <ul className="mt-2 list-disc space-y-2 pl-6">
        <li>
          <strong>tests automatisés</strong> avec l’outil axe (règles WCAG 2.1, niveaux A et AA) sur chacune des pages listées plus
          bas, sur un écran d’ordinateur et sur un écran de téléphone : aucune erreur détectée ;
        </li>
        <li>
          <strong>navigation au clavier seul</strong> : lien d’évitement « Aller au contenu », menu « Entreprise / Tiers-déclarant »,
          formulaires, focus toujours visible ;
        </li>
        <li>
          <strong>affichage sur un écran de 360 pixels</strong> de large : aucun défilement horizontal, zones à toucher d’au moins
          44 pixels pour les menus et les boutons.
        </li>
      </ul>

      <h2 className={h2Class}>Contenus non accessibles</h2>
      <h3 className="mt-6 text-xl font-bold">Non-conformités</h3>
      <ul className="mt-2 list-disc space-y-2 pl-6">
        <li>
          Les critères du RGAA qui demandent une vérification humaine (pertinence des alternatives, ordre de lecture, restitution par
          les lecteurs d’écran) n’ont pas tous été vérifiés : des défauts peuvent subsister.
        </li>
        <li>
          Les documents PDF téléchargeables (attestations, courriers) ne sont pas balisés pour les lecteurs d’écran. L’essentiel d’une
          attestation (entreprise, date, validité) est consultable en HTML sur la page{' '}
          <Link className={linkClass} href="/verifier">
            Vérifier une attestation
          </Link>
          .
        </li>
      </ul>
      <h3 className="mt-6 text-xl font-bold">Dérogations pour charge disproportionnée</h3>
      <p className="mt-2">Aucune.</p>
      <h3 className="mt-6 text-xl font-bold">Contenus non soumis à l’obligation d’accessibilité</h3>
      <p className="mt-2">Aucun.</p>

      <h2 className={h2Class}>Établissement de cette déclaration</h2>
      <p className="mt-3">
        Cette déclaration a été établie le <time dateTime={statementDate}>{formatDayLong(statementDate)}</time>.
      </p>
      <h3 className="mt-6 text-xl font-bold">Technologies utilisées</h3>
      <p className="mt-2">HTML, CSS, JavaScript. Les pages publiques s’affichent et se consultent aussi sans JavaScript.</p>
      <h3 className="mt-6 text-xl font-bold">Environnement de test</h3>
      <p className="mt-2">
        Navigateur Chromium, avec une fenêtre de 1 280 × 800 pixels et une fenêtre de téléphone de 360 × 740 pixels ; outil axe-core ;
        clavier seul.
      </p>
      <h3 className="mt-6 text-xl font-bold">Pages évaluées</h3>
      <ul className="mt-2">
        {testedPages.map((p) => (
          <li key={p.href}>
            <Link className="inline-flex min-h-11 items-center text-brand underline" href={p.href}>
              {p.label}
            </Link>
          </li>
        ))}
      </ul>

      <h2 className={h2Class}>Retour d’information et contact</h2>
      <p className="mt-3">
        Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez-nous pour être orienté vers une alternative accessible
        ou obtenir le contenu sous une autre forme :
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>
          par courriel :{' '}
          <a className={linkClass} href={`mailto:${caisse.email}`}>
            {caisse.email}
          </a>
        </li>
        <li>
          par téléphone :{' '}
          <a className={linkClass} href={`tel:${caisse.phone.replace(/\s/g, '')}`}>
            {caisse.phone}
          </a>
          , ou auprès de <Link className={linkClass} href="/nos-sites">votre site</Link>
        </li>
        <li>
          par courrier : {caisse.name}, {caisse.addressLine}, {caisse.postcode} {caisse.city}
        </li>
      </ul>

      <h2 className={h2Class}>Voies de recours</h2>
      <p className="mt-3">
        Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à une fonctionnalité du site, que vous nous
        le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en droit de faire parvenir vos doléances
        ou une demande de saisine au Défenseur des droits. Plusieurs moyens sont à votre disposition :
      </p>
      <ul className="mt-2 list-disc space-y-2 pl-6">
        <li>
          écrire un message au Défenseur des droits par le{' '}
          <a className={linkClass} href="https://formulaire.defenseurdesdroits.fr/">
            formulaire en ligne
          </a>
          ;
        </li>
        <li>
          contacter{' '}
          <a className={linkClass} href="https://www.defenseurdesdroits.fr/carte-des-delegues">
            le délégué du Défenseur des droits dans votre région
          </a>
          ;
        </li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris
          CEDEX 07.
        </li>
      </ul>
    </div>
  );
}
