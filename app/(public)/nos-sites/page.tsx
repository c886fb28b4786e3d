import type { Metadata } from 'next';
import Form from 'next/form';
import { getDb } from '@/db';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import { getDepartments, getSitesWithDepartments } from '@/lib/site/queries';

export const metadata: Metadata = { title: 'Nos sites' };

type Site = Awaited<ReturnType<typeof getSitesWithDepartments>>[number];

function telHref(phone: string) {
  return `tel:${phone.replace(/\s/g, '')}`;
}

function SiteContact({ site }: { site: Site }) {
  return (
    <>
      <p>
        {site.addressLine}
        <br />
        {site.postcode} {site.city}
      </p>
      <p>
        Téléphone :{' '}
        <a className="font-semibold text-brand underline" href={telHref(site.phone)}>
          {site.phone}
        </a>
      </p>
      <p className="text-muted">{site.openingHours}</p>
    </>
  );
}

export default async function SitesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const db = await getDb();
  const [sites, departments, params] = await Promise.all([getSitesWithDepartments(db), getDepartments(db), searchParams]);
  const alsaceMoselle = departments.filter((d) => d.isAlsaceMoselle);

  // « Trouver votre site »: a plain GET form, so the answer is server-rendered and works without JavaScript.
  const asked = typeof params.departement === 'string' ? params.departement : undefined;
  const found = asked ? sites.find((s) => s.departments.some((d) => d.code === asked)) : undefined;
  const foundDepartment = found?.departments.find((d) => d.code === asked);

  return (
    <div className="mx-auto max-w-5xl">
      <Breadcrumb items={[{ label: 'Accueil', href: '/' }, { label: 'Nos sites' }]} />
      <h1 className="text-3xl font-black text-brand-dark">Nos sites</h1>
      <p className="mt-4 text-lg">
        La caisse vous accueille sur {sites.length} sites. Chacun des {departments.length} départements de la circonscription est géré par
        l’un d’eux : pour vos courriers, vos codes ou une question, adressez-vous au site de votre département.
      </p>

      <section aria-labelledby="titre-trouver" className="mt-8 rounded-lg bg-brand-light p-5">
        <h2 id="titre-trouver" className="text-2xl font-bold text-brand-dark">Trouver votre site</h2>
        <Form action="/nos-sites" className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex flex-col gap-1">
            <label htmlFor="departement" className="font-semibold">
              Votre département
            </label>
            <select
              id="departement"
              name="departement"
              defaultValue={foundDepartment?.code ?? ''}
              className="min-h-11 max-w-full rounded border border-slate-500 bg-white px-3"
            >
              <option value="" disabled>
                Choisissez un département
              </option>
              {departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name} ({d.code})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded-md bg-brand px-5 font-bold text-white hover:bg-brand-dark">
            Trouver mon site
          </button>
        </Form>
        {asked !== undefined && (
          <div id="votre-site" className="mt-5 rounded-md border-l-8 border-brand bg-white p-5" role="status">
            {found && foundDepartment ? (
              <>
                <h3 className="text-xl font-bold text-brand-dark">
                  {foundDepartment.name} ({foundDepartment.code}) : site de {found.name}
                </h3>
                <div className="mt-2 flex flex-col gap-1">
                  <SiteContact site={found} />
                </div>
                {foundDepartment.isAlsaceMoselle && (
                  <p className="mt-2">
                    Ce département relève du <a className="font-semibold text-brand underline" href="#alsace-moselle">droit local d’Alsace-Moselle</a>.
                  </p>
                )}
              </>
            ) : (
              <p>
                Ce département ne fait pas partie de notre circonscription. Choisissez un département dans la liste, ou consultez le
                tableau ci-dessous.
              </p>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="titre-sites" className="mt-10">
        <h2 id="titre-sites" className="text-2xl font-bold text-brand-dark">Les {sites.length} sites</h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {sites.map((site) => (
            <li key={site.id} className="flex flex-col gap-1 rounded-lg border border-slate-200 p-5 shadow-sm">
              <h3 className="text-xl font-bold text-brand-dark">{site.name}</h3>
              <SiteContact site={site} />
              <p className="mt-2">
                <span className="font-semibold">Départements : </span>
                {site.departments.map((d) => `${d.name} (${d.code})`).join(', ')}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="titre-departements" className="mt-10">
        <h2 id="titre-departements" className="text-2xl font-bold text-brand-dark">
          Les {departments.length} départements de la circonscription
        </h2>
        <table className="mt-4 w-full border-collapse text-left">
          <caption className="sr-only">Site de la caisse qui gère chaque département, et droit local d’Alsace-Moselle</caption>
          <thead>
            <tr className="border-b-2 border-brand">
              <th scope="col" className="py-2 pr-3">Département</th>
              <th scope="col" className="py-2 pr-3">Site</th>
              <th scope="col" className="py-2">Alsace-Moselle</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.code} className="border-b border-slate-200 even:bg-slate-50">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {d.name} ({d.code})
                </th>
                <td className="py-2 pr-3">{d.siteName}</td>
                <td className="py-2">{d.isAlsaceMoselle ? <strong>Oui</strong> : 'Non'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section id="alsace-moselle" aria-labelledby="titre-alsace-moselle" className="mt-10 scroll-mt-4 rounded-lg border-l-8 border-accent bg-amber-50 p-5">
        <h2 id="titre-alsace-moselle" className="text-2xl font-bold text-brand-dark">Le droit local d’Alsace-Moselle</h2>
        <p className="mt-2">
          {alsaceMoselle.map((d) => `${d.name} (${d.code})`).join(', ')} : ces départements suivent le droit local d’Alsace-Moselle. Ils ont
          deux jours fériés de plus que le reste de la France :
        </p>
        <ul className="mt-2 list-disc pl-6">
          <li>
            le <strong>Vendredi saint</strong>, le vendredi qui précède Pâques ;
          </li>
          <li>
            le <strong>26 décembre</strong>, jour de la Saint-Étienne.
          </li>
        </ul>
        <p className="mt-2">
          Pour vos salariés de ces départements, ces deux jours ne sont pas décomptés quand ils tombent pendant un congé : l’Espace
          sécurisé en tient compte quand vous enregistrez les dates.
        </p>
      </section>
    </div>
  );
}
