import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { getDepartments } from '@/lib/site/queries';

export const metadata: Metadata = { title: 'Vous n’avez pas vos deux courriers ? — Je crée mon espace sécurisé' };

/**
 * What to do without both letters (or with locked or expired ones): ask the site serving your
 * department. A plain GET form, so it works without JavaScript and keeps the choice in the address.
 */
export default async function NoLettersPage({ searchParams }: { searchParams: Promise<{ departement?: string }> }) {
  const [departments, { departement }] = await Promise.all([getDb().then(getDepartments), searchParams]);
  const selected = departments.find((d) => d.code === departement);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-black text-brand-dark sm:text-3xl">Vous n’avez pas vos deux courriers ?</h1>
      <div className="flex flex-col gap-3">
        <p>
          Pour créer votre espace sécurisé, il vous faut les <strong>deux courriers</strong> envoyés par la caisse : le courrier n° 1 avec
          l’<strong>identifiant</strong> et le courrier n° 2 avec le <strong>code confidentiel</strong>. Ils sont envoyés séparément, par la
          poste, à l’adresse de votre entreprise (ou de votre cabinet) connue de la caisse.
        </p>
        <h2 className="text-xl font-bold">Comment obtenir de nouveaux courriers</h2>
        <ol className="list-decimal space-y-2 pl-6">
          <li>Appelez le site de la caisse qui gère votre département (choisissez-le ci-dessous), avec votre numéro SIRET.</li>
          <li>
            La caisse vous envoie deux nouveaux courriers par la poste. Ils remplacent les précédents, qui ne fonctionnent plus, même si
            vous les retrouvez.
          </li>
          <li>
            Dès réception, revenez sur <Link className="text-brand underline" href="/premiere-connexion">Je crée mon espace sécurisé</Link>.
          </li>
        </ol>
        <p>
          Vous êtes un cabinet comptable et souhaitez agir pour une entreprise cliente ? Ce sont ses courriers à elle qui créent son espace ;
          elle pourra ensuite vous déléguer l’accès depuis « Gérer mon compte utilisateur et les droits d’accès ».
        </p>
      </div>

      <section aria-labelledby="titre-site" className="rounded-lg border border-slate-200 p-4 sm:p-6">
        <h2 id="titre-site" className="text-xl font-bold">
          Le site qui gère votre département
        </h2>
        <form method="get" action="/premiere-connexion/sans-courriers#site" className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex flex-1 flex-col gap-1">
            <label htmlFor="departement" className="font-semibold">
              Votre département
            </label>
            <select id="departement" name="departement" defaultValue={selected?.code ?? ''} className="min-h-11 rounded border border-slate-500 bg-white px-3">
              <option value="">Choisissez votre département</option>
              {departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.code} – {d.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded-md bg-brand px-4 font-bold text-white hover:bg-brand-dark">
            Afficher le site
          </button>
        </form>
        {departement && !selected && <p className="mt-3 font-semibold text-red-800">Ce département n’est pas dans la circonscription de la caisse.</p>}
        {selected && (
          <div id="site" className="mt-4 rounded bg-brand-light p-4">
            <h3 className="text-lg font-bold">
              {selected.name} ({selected.code}) : site de {selected.siteName}
            </h3>
            <p className="mt-1">
              Téléphone :{' '}
              <a className="font-semibold text-brand-dark underline" href={`tel:${selected.sitePhone.replace(/\s/g, '')}`}>
                {selected.sitePhone}
              </a>
            </p>
            <p className="mt-1">
              <Link className="text-brand-dark underline" href="/nos-sites">
                Adresse et horaires de nos sites
              </Link>
            </p>
          </div>
        )}
      </section>
      <p>
        <Link className="text-brand underline" href="/premiere-connexion">
          Retour à l’étape 1
        </Link>
      </p>
    </div>
  );
}
