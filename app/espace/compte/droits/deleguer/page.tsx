import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { formatSiret } from '@/lib/companies/siret';
import { getFirm, searchFirms } from '@/lib/delegations/queries';
import { buttonClass, linkClass, secondaryButtonClass } from '../../../_components/form-bits';
import { InviteFirmForm, OfferDelegationForm } from './delegate-forms';

export const metadata: Metadata = { title: 'Déléguez à mon cabinet comptable' };

/**
 * Three steps on one URL, driven by the query string so each works without JavaScript:
 * search (?q=) → choose (?cabinet=<id>) → terms and confirmation; or invite a firm without a space (?nouveau=1).
 */
export default async function DelegatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireArea('account', 'write');
  if (ctx.company.kind !== 'company') notFound();
  const params = await searchParams;
  const db = await getDb();
  const q = typeof params.q === 'string' ? params.q.slice(0, 100) : '';
  const firmId = typeof params.cabinet === 'string' && /^[0-9a-f-]{36}$/i.test(params.cabinet) ? params.cabinet : null;
  const firm = firmId ? await getFirm(db, firmId) : null;
  const isNew = params.nouveau === '1';
  const results = q && !firm && !isNew ? await searchFirms(db, q) : [];

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/espace/compte/droits" className={linkClass}>‹ Gérer les droits d’accès</Link>
      </p>
      <h1 className="text-3xl font-black text-brand-dark">Déléguez à mon cabinet comptable</h1>
      <ol className="flex flex-wrap gap-2 text-sm" aria-label="Étapes">
        <li className={!firm && !isNew ? 'font-bold' : ''} aria-current={!firm && !isNew ? 'step' : undefined}>1. Choisir le cabinet</li>
        <li aria-hidden="true">›</li>
        <li className={firm || isNew ? 'font-bold' : ''} aria-current={firm || isNew ? 'step' : undefined}>2. Domaines, date de fin et confirmation</li>
      </ol>

      {firm ? (
        <section aria-labelledby="titre-conditions" className="flex flex-col gap-4">
          <div className="rounded-lg bg-brand-light p-4">
            <p className="text-sm">Cabinet choisi</p>
            <p className="text-lg font-bold">{firm.name}</p>
            <p>
              SIRET {formatSiret(firm.siret)}
              {firm.city && ` · ${firm.city}`}
            </p>
            <Link href="/espace/compte/droits/deleguer" className={linkClass}>Choisir un autre cabinet</Link>
          </div>
          <h2 id="titre-conditions" className="text-xl font-bold">Ce que le cabinet pourra faire pour {ctx.company.name}</h2>
          <OfferDelegationForm firmId={firm.id} firmName={firm.name} />
        </section>
      ) : isNew ? (
        <section aria-labelledby="titre-nouveau" className="flex flex-col gap-4">
          <h2 id="titre-nouveau" className="text-xl font-bold">Inviter un cabinet qui n’a pas encore d’espace</h2>
          <p>
            Nous écrivons au cabinet pour qu’il crée son Espace sécurisé (en tant que cabinet comptable / tiers-déclarant). La délégation
            prendra effet dès qu’il l’aura acceptée.
          </p>
          <InviteFirmForm />
          <Link href="/espace/compte/droits/deleguer" className={linkClass}>‹ Revenir à la recherche</Link>
        </section>
      ) : (
        <section aria-labelledby="titre-recherche" className="flex flex-col gap-4">
          <h2 id="titre-recherche" className="text-xl font-bold">Rechercher votre cabinet</h2>
          <form method="get" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <div className="flex grow flex-col gap-1">
              <label htmlFor="q" className="font-semibold">SIRET ou nom du cabinet</label>
              <input id="q" name="q" type="search" defaultValue={q} className="min-h-11 rounded border border-slate-500 px-3" />
            </div>
            <button type="submit" className={buttonClass}>Rechercher</button>
          </form>
          {q && (
            <div aria-live="polite">
              {results.length === 0 ? (
                <p>Aucun cabinet inscrit ne correspond à « {q} ».</p>
              ) : (
                <>
                  <p>{results.length === 1 ? '1 cabinet trouvé' : `${results.length} cabinets trouvés`}</p>
                  <ul className="mt-2 flex flex-col gap-3">
                    {results.map((f) => (
                      <li key={f.id} className="flex flex-col gap-2 rounded border border-slate-300 p-4 sm:flex-row sm:items-center sm:justify-between">
                        <div>
                          <p className="font-semibold">{f.name}</p>
                          <p className="text-sm">
                            SIRET {formatSiret(f.siret)}
                            {f.city && ` · ${f.city}`}
                            {!f.activatedAt && ' · espace pas encore créé'}
                          </p>
                        </div>
                        <Link href={`/espace/compte/droits/deleguer?cabinet=${f.id}`} className={secondaryButtonClass} aria-label={`Choisir ${f.name}`}>
                          Choisir
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          <div className="rounded-lg border border-slate-300 p-4">
            <p className="font-semibold">Votre cabinet n’a pas encore d’Espace sécurisé ?</p>
            <Link href="/espace/compte/droits/deleguer?nouveau=1" className={linkClass}>Inviter mon cabinet par courriel</Link>
          </div>
        </section>
      )}
    </div>
  );
}
