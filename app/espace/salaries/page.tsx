import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import { requireArea } from '@/lib/access/context';
import { formatSiret } from '@/lib/companies/siret';
import { formatDayShort, todayInFrance } from '@/lib/format';
import { countWorkers, listWorkers, WORKER_LIST_LIMIT, type WorkerRow } from '@/lib/workers/queries';
import { categoryLabels, workerListFilterSchema, type WorkerListFilter } from '@/lib/workers/schemas';
import { buttonClass, linkClass, secondaryButtonClass } from '../_components/form-bits';

export const metadata: Metadata = { title: 'Salariés' };

const doneMessages: Record<string, string> = {
  ajout: 'Salarié ajouté.',
  modification: 'Modifications enregistrées.',
  sortie: 'Sortie enregistrée.',
};

const hours = (h: number) => `${String(h).replace('.', ',')} h`;

function Status({ w, today }: { w: WorkerRow; today: string }) {
  if (!w.leftOn) return <span>En poste</span>;
  return w.leftOn < today ? <span>Sorti le {formatDayShort(w.leftOn)}</span> : <span>Sortie prévue le {formatDayShort(w.leftOn)}</span>;
}

function EditLink({ w }: { w: WorkerRow }) {
  return (
    <Link href={`/espace/salaries/${w.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand underline">
      Modifier<span className="sr-only"> {w.firstName} {w.lastName}</span>
    </Link>
  );
}

function WorkerList({ rows, today, canWrite }: { rows: WorkerRow[]; today: string; canWrite: boolean }) {
  return (
    <>
      {/* Phones: one card per worker; wider screens: the table. Only one is ever displayed. */}
      <ul className="flex flex-col gap-3 sm:hidden">
        {rows.map((w) => (
          <li key={w.id} className="rounded-lg border border-slate-200 p-4">
            <p className="font-bold">
              {w.lastName} {w.firstName}
            </p>
            <p>
              {categoryLabels[w.category]} · {hours(w.weeklyHours)} par semaine
            </p>
            <p className="text-muted">
              Né(e) le {formatDayShort(w.birthDate)} · embauché(e) le {formatDayShort(w.hiredOn)}
            </p>
            <p>
              <Status w={w} today={today} />
            </p>
            {canWrite && <EditLink w={w} />}
          </li>
        ))}
      </ul>
      <table className="hidden w-full border-collapse text-left sm:table">
        <caption className="sr-only">Salariés, par nom</caption>
        <thead>
          <tr className="border-b-2 border-brand">
            <th scope="col" className="py-2 pr-4">Nom</th>
            <th scope="col" className="py-2 pr-4">Catégorie</th>
            <th scope="col" className="py-2 pr-4">Naissance</th>
            <th scope="col" className="py-2 pr-4">Embauche</th>
            <th scope="col" className="py-2 pr-4">Horaire hebdomadaire</th>
            <th scope="col" className="py-2 pr-4">Situation</th>
            {canWrite && (
              <th scope="col" className="py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((w) => (
            <tr key={w.id} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-semibold">
                {w.lastName} {w.firstName}
              </th>
              <td className="py-2 pr-4">{categoryLabels[w.category]}</td>
              <td className="py-2 pr-4">{formatDayShort(w.birthDate)}</td>
              <td className="py-2 pr-4">{formatDayShort(w.hiredOn)}</td>
              <td className="py-2 pr-4">{hours(w.weeklyHours)}</td>
              <td className="py-2 pr-4">
                <Status w={w} today={today} />
              </td>
              {canWrite && (
                <td className="py-2">
                  <EditLink w={w} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const filterLabels: Record<WorkerListFilter['statut'], string> = { actifs: 'En poste', sortis: 'Sortis', tous: 'Tous' };

export default async function WorkersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireArea('declarations', 'read');
  const params = await searchParams;
  const filter = workerListFilterSchema.parse({ q: typeof params.q === 'string' ? params.q : undefined, statut: typeof params.statut === 'string' ? params.statut : undefined });
  const db = await getDb();
  const today = todayInFrance();
  const [{ rows, total }, counts] = await Promise.all([listWorkers(db, ctx.company.id, { ...filter, today }), countWorkers(db, ctx.company.id, today)]);
  const canWrite = ctx.grants.declarations === 'write';
  const done = typeof params.fait === 'string' ? doneMessages[params.fait] : undefined;
  const countOf = { actifs: counts.active, sortis: counts.left, tous: counts.active + counts.left };

  return (
    <div className="flex flex-col gap-6">
      <Breadcrumb items={[{ label: 'Tableau de bord', href: '/espace' }, { label: 'Salariés' }]} />
      <div>
        <h1 className="text-3xl font-black text-brand-dark">Salariés</h1>
        <p className="mt-2 text-lg">
          {ctx.company.name} · SIRET {formatSiret(ctx.company.siret)}
        </p>
      </div>
      {done && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {done}
        </p>
      )}
      {canWrite && (
        <div className="flex flex-wrap gap-3">
          <Link href="/espace/salaries/nouveau" className={buttonClass}>
            Ajouter un salarié
          </Link>
          <Link href="/espace/salaries/importer" className={secondaryButtonClass}>
            Importer un fichier CSV
          </Link>
        </div>
      )}

      <search>
        <form method="get" className="flex flex-col gap-4 rounded-lg bg-brand-light p-4 sm:flex-row sm:items-end">
          <div className="flex flex-1 flex-col gap-1">
            <label htmlFor="q" className="font-semibold">
              Rechercher un nom
            </label>
            <input id="q" name="q" type="search" defaultValue={filter.q} autoComplete="off" className="min-h-11 rounded border border-slate-500 bg-white px-3" />
          </div>
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 font-semibold">Afficher</legend>
            <div className="flex flex-wrap gap-x-5">
              {(['actifs', 'sortis', 'tous'] as const).map((s) => (
                <label key={s} className="inline-flex min-h-11 items-center gap-2">
                  <input type="radio" name="statut" value={s} defaultChecked={filter.statut === s} className="h-5 w-5 accent-brand" />
                  {filterLabels[s]} ({countOf[s]})
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className={buttonClass}>
            Rechercher
          </button>
        </form>
      </search>

      <section aria-labelledby="titre-liste" className="flex flex-col gap-3">
        <h2 id="titre-liste" className="text-xl font-bold text-brand-dark">
          {filterLabels[filter.statut]}
          {filter.q && <> · « {filter.q} »</>} : {total} salarié{total > 1 ? 's' : ''}
        </h2>
        {total > WORKER_LIST_LIMIT && (
          <p>
            Les {WORKER_LIST_LIMIT} premiers sont affichés : précisez la recherche pour trouver les autres.
          </p>
        )}
        {rows.length === 0 ? (
          <p className="text-muted">
            Aucun salarié ne correspond.{' '}
            {filter.q || filter.statut !== 'actifs' ? (
              <Link href="/espace/salaries" className={linkClass}>
                Afficher tous les salariés en poste
              </Link>
            ) : null}
          </p>
        ) : (
          <WorkerList rows={rows} today={today} canWrite={canWrite} />
        )}
      </section>
    </div>
  );
}
