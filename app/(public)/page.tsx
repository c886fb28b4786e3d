import Link from 'next/link';
import { getDb } from '@/db';
import { todayInFrance } from '@/lib/format';
import { getUpcomingKeyDates } from '@/lib/site/queries';
import { KeyDatesList } from '../_components/key-dates-list';

// Inline SVG rather than emoji: emoji fonts are missing on some machines (a box is drawn instead).
const iconPaths = {
  calendar: 'M7 3v3M17 3v3M4 9h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm3 8h3v3H8z',
  check: 'M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6l7-3Zm-3.5 9 2.5 2.5 4.5-5',
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1Zm6 4v2',
};

const promises = [
  { title: 'Déclarations, paiements et planification des congés facilités', icon: iconPaths.calendar },
  { title: 'Téléchargement rapide d’attestations de mise à jour authentifiables', icon: iconPaths.check },
  { title: 'Stockage des données de votre dossier en ligne sécurisé', icon: iconPaths.lock },
];

export default async function HomePage() {
  const dates = await getUpcomingKeyDates(await getDb(), todayInFrance());
  return (
    <div className="flex flex-col gap-12">
      <section aria-labelledby="titre-accueil" className="rounded-xl bg-brand px-6 py-10 text-white">
        <p className="font-semibold uppercase tracking-wide">Services en ligne</p>
        <h1 id="titre-accueil" className="mt-2 text-3xl font-black sm:text-4xl">
          Votre Espace sécurisé
        </h1>
        <p className="mt-3 max-w-2xl text-lg">Du nouveau pour vos démarches : sur PC/Mac, tablette ou portable.</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/connexion" className="inline-flex min-h-11 items-center rounded-md bg-accent px-5 py-3 font-bold text-ink hover:brightness-95">
            Accéder à mon Espace sécurisé
          </Link>
          <Link href="/premiere-connexion" className="inline-flex min-h-11 items-center rounded-md border-2 border-white px-5 py-3 font-bold text-white hover:bg-white/10">
            Première connexion ? Je crée mon espace
          </Link>
        </div>
      </section>

      <section aria-labelledby="titre-promesses">
        <h2 id="titre-promesses" className="sr-only">Ce que vous pouvez faire en ligne</h2>
        <ul className="grid gap-4 md:grid-cols-3">
          {promises.map((p) => (
            <li key={p.title} className="flex items-start gap-3 rounded-lg bg-brand-light p-5">
              <svg aria-hidden="true" viewBox="0 0 24 24" className="h-9 w-9 shrink-0 text-brand" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                <path d={p.icon} />
              </svg>
              <p className="text-lg font-bold uppercase text-brand-dark">{p.title}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="titre-dates" className="rounded-lg bg-slate-50 p-6">
        <h2 id="titre-dates" className="text-2xl font-black uppercase text-brand-dark">Dates à retenir</h2>
        <div className="mt-4">
          <KeyDatesList dates={dates} />
        </div>
      </section>

      <section aria-labelledby="titre-premiere" className="grid gap-6 md:grid-cols-2">
        <div>
          <h2 id="titre-premiere" className="text-2xl font-bold text-brand-dark">Comment se connecter la première fois ?</h2>
          <ol className="mt-4 list-decimal space-y-3 pl-6">
            <li>
              Sur le site de la caisse, cliquez sur le bouton <strong>Services en ligne</strong>, ou sélectionnez
              « Espace sécurisé entreprise » dans le menu <strong>Entreprise / Tiers-déclarant</strong>.
            </li>
            <li>
              Sur la page de connexion, cliquez sur le bandeau bleu <strong>« Première connexion à cet espace ? Je crée mon espace sécurisé »</strong>.
            </li>
            <li>
              Munissez-vous des deux courriers reçus : ils contiennent l’<strong>identifiant</strong> et le <strong>code confidentiel</strong> provisoires.
            </li>
            <li>
              Laissez-vous guider : numéro SIRET, identifiant, code confidentiel, puis votre adresse électronique et un nouveau mot de passe.
              Un lien envoyé par courriel confirme la création de votre espace.
            </li>
          </ol>
          <p className="mt-4">
            <Link className="font-semibold text-brand underline" href="/services-en-ligne/informations-pratiques/premiere-connexion">
              Lire le guide de la première connexion
            </Link>
          </p>
        </div>
        <div className="rounded-lg border-2 border-accent p-6">
          <h2 className="text-xl font-bold uppercase text-brand-dark">Vous déléguez à un cabinet comptable ? Ne tardez pas !</h2>
          <p className="mt-3">
            Si vous confiez la gestion de vos démarches à un cabinet comptable, son habilitation ne sera plus valable et devra
            impérativement être renouvelée.
          </p>
          <p className="mt-3">
            Une fois connecté, rendez-vous dans le menu « <strong>Gérer mon compte utilisateur et les droits d’accès</strong> »,
            sélectionnez « <strong>Gérer les droits d’accès</strong> » puis cliquez sur le bouton <strong>Déléguez à mon cabinet comptable</strong>.
          </p>
        </div>
      </section>

      <section aria-labelledby="titre-aide" className="rounded-lg bg-brand-light p-6">
        <h2 id="titre-aide" className="text-xl font-bold text-brand-dark">Besoin d’aide ?</h2>
        <p className="mt-2">
          Informations et guides d’utilisation dans la rubrique{' '}
          <Link className="font-semibold text-brand underline" href="/services-en-ligne/informations-pratiques">
            Services en ligne &gt; Informations pratiques
          </Link>
          , et toutes nos coordonnées sur la page <Link className="font-semibold text-brand underline" href="/nos-sites">Nos sites</Link>.
        </p>
      </section>
    </div>
  );
}
