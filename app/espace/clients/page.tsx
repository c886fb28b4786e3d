import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireFirm } from '@/lib/access/context';
import { areaLabels, delegableAreas, describeGrants, levelLabels, type DelegableArea } from '@/lib/access/rules';
import { formatSiret } from '@/lib/companies/siret';
import { clientFilters, clientSorts, listFirmClients, listFirmPending } from '@/lib/delegations/queries';
import { formatDayShort, todayInFrance } from '@/lib/format';
import { ActionButton } from '../_components/action-button';
import { buttonClass, dangerButtonClass, linkClass, secondaryButtonClass } from '../_components/form-bits';
import { acceptOfferAction, actForClientAction, declineOfferAction, withdrawDelegationAction } from './actions';

export const metadata: Metadata = { title: 'Mes clients' };

const doneMessages: Record<string, string> = {
  acceptee: 'Délégation acceptée : l’entreprise figure dans vos clients.',
  refusee: 'Délégation refusée. L’entreprise en est informée.',
  demande: 'Demande envoyée : l’entreprise doit l’accepter dans son Espace sécurisé.',
  retrait: 'C’est fait. L’entreprise en est informée par courriel.',
};

const attentionLabels: Record<(typeof clientFilters)[number], string> = {
  '': 'Tous les clients actifs',
  'non-a-jour': 'Attestation impossible (non à jour)',
  'fin-proche': 'Délégation qui se termine bientôt',
  terminees: 'Délégations arrivées à échéance',
};
const sortLabels: Record<(typeof clientSorts)[number], string> = { attention: 'À traiter d’abord', nom: 'Nom', fin: 'Date de fin' };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const ctx = await requireFirm();
  const params = await searchParams;
  const db = await getDb();
  const today = todayInFrance();
  const q = one(params.q).slice(0, 100);
  const area = (delegableAreas as readonly string[]).includes(one(params.domaine)) ? (one(params.domaine) as DelegableArea) : '';
  const attention = (clientFilters as readonly string[]).includes(one(params.attention)) ? (one(params.attention) as (typeof clientFilters)[number]) : '';
  const sort = (clientSorts as readonly string[]).includes(one(params.tri)) ? (one(params.tri) as (typeof clientSorts)[number]) : 'attention';
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(params.page), 10) || 1));
  const isAdmin = ctx.firm.role === 'admin';

  const [clients, pending] = await Promise.all([listFirmClients(db, { firmId: ctx.firm.id, today, q, area, attention, sort, page }), listFirmPending(db, ctx.firm.id)]);
  const done = doneMessages[one(params.fait)];
  const pageHref = (p: number) => {
    const sp = new URLSearchParams();
    if (q) sp.set('q', q);
    if (area) sp.set('domaine', area);
    if (attention) sp.set('attention', attention);
    if (sort !== 'attention') sp.set('tri', sort);
    if (p > 1) sp.set('page', String(p));
    const s = sp.toString();
    return s ? `/espace/clients?${s}` : '/espace/clients';
  };

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-black text-brand-dark">Mes clients</h1>
          <p className="mt-1 text-lg">
            {ctx.firm.name} · SIRET {formatSiret(ctx.firm.siret)}
          </p>
        </div>
        {isAdmin && (
          <div className="flex flex-wrap gap-3">
            <Link href="/espace/clients/demander" className={secondaryButtonClass}>Demander une délégation à une entreprise</Link>
            <Link href="/espace/compte/droits" className={secondaryButtonClass}>Gérer les utilisateurs du cabinet</Link>
          </div>
        )}
      </div>
      {done && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {done}
        </p>
      )}

      {(pending.offers.length > 0 || pending.requests.length > 0) && (
        <section id="a-traiter" aria-labelledby="titre-a-traiter" className="flex flex-col gap-4 rounded-lg border-2 border-accent p-5">
          <h2 id="titre-a-traiter" className="text-2xl font-bold text-brand-dark">À traiter</h2>
          {pending.offers.length > 0 && (
            <div>
              <h3 className="text-lg font-bold">Délégations proposées par des entreprises</h3>
              {!isAdmin && <p className="text-muted">Un administrateur du cabinet peut les accepter.</p>}
              <ul className="mt-2 flex flex-col gap-3">
                {pending.offers.map((d) => (
                  <li key={d.id} className="rounded border border-slate-300 p-4">
                    <p className="font-semibold">
                      {d.companyName} <span className="font-normal">· SIRET {formatSiret(d.companySiret)}{d.companyCity && ` · ${d.companyCity}`}</span>
                    </p>
                    <p>{describeGrants(d.areas).join(' ; ')}</p>
                    <p className="text-sm">{d.endsOn ? `Jusqu’au ${formatDayShort(d.endsOn)} inclus` : 'Sans date de fin'}</p>
                    {isAdmin && (
                      <div className="mt-3 flex flex-wrap gap-3">
                        <ActionButton action={acceptOfferAction} fields={{ delegationId: d.id }} label="Accepter" accessibleLabel={`Accepter la délégation de ${d.companyName}`} className={buttonClass} />
                        <ActionButton action={declineOfferAction} fields={{ delegationId: d.id }} label="Refuser" accessibleLabel={`Refuser la délégation de ${d.companyName}`} className={dangerButtonClass} />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {pending.requests.length > 0 && (
            <div>
              <h3 className="text-lg font-bold">Vos demandes en attente de réponse</h3>
              <ul className="mt-2 flex flex-col gap-3">
                {pending.requests.map((d) => (
                  <li key={d.id} className="flex flex-col gap-2 rounded border border-dashed border-slate-400 p-4 sm:flex-row sm:items-center sm:justify-between">
                    <div>
                      <p className="font-semibold">{d.companyName}</p>
                      <p className="text-sm">
                        {describeGrants(d.areas).join(' ; ')} · demandée le {formatDayShort(todayInFrance(d.createdAt))}
                      </p>
                    </div>
                    {isAdmin && (
                      <ActionButton action={withdrawDelegationAction} fields={{ delegationId: d.id }} label="Annuler la demande" accessibleLabel={`Annuler la demande à ${d.companyName}`} className={dangerButtonClass} />
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="titre-clients" className="flex flex-col gap-4">
        <h2 id="titre-clients" className="text-2xl font-bold text-brand-dark">Entreprises qui vous délèguent</h2>
        <form method="get" role="search" aria-label="Rechercher et filtrer les clients" className="grid gap-3 rounded-lg bg-slate-50 p-4 md:grid-cols-5 md:items-end">
          <div className="flex flex-col gap-1 md:col-span-2">
            <label htmlFor="q" className="font-semibold">Nom, ville ou SIRET</label>
            <input id="q" name="q" type="search" defaultValue={q} className="min-h-11 rounded border border-slate-500 bg-white px-3" />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="domaine" className="font-semibold">Domaine délégué</label>
            <select id="domaine" name="domaine" defaultValue={area} className="min-h-11 rounded border border-slate-500 bg-white px-2">
              <option value="">Tous</option>
              {delegableAreas.map((a) => (
                <option key={a} value={a}>{areaLabels[a]}</option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="attention" className="font-semibold">Afficher</label>
            <select id="attention" name="attention" defaultValue={attention} className="min-h-11 rounded border border-slate-500 bg-white px-2">
              {clientFilters.map((f) => (
                <option key={f} value={f}>{attentionLabels[f]}</option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="tri" className="font-semibold">Trier par</label>
            <select id="tri" name="tri" defaultValue={sort} className="min-h-11 rounded border border-slate-500 bg-white px-2">
              {clientSorts.map((s) => (
                <option key={s} value={s}>{sortLabels[s]}</option>
              ))}
            </select>
          </div>
          <div className="flex flex-wrap gap-3 md:col-span-5">
            <button type="submit" className={buttonClass}>Afficher</button>
            {(q || area || attention || sort !== 'attention') && (
              <Link href="/espace/clients" className={secondaryButtonClass}>Effacer les filtres</Link>
            )}
          </div>
        </form>

        <p aria-live="polite">
          {clients.total === 0
            ? q || area || attention
              ? 'Aucun client ne correspond à ces critères.'
              : 'Aucune entreprise ne vous délègue encore ses démarches. Demandez-leur de cliquer sur « Déléguez à mon cabinet comptable », ou demandez-leur une délégation.'
            : `${clients.total} ${clients.total > 1 ? 'clients' : 'client'}${clients.pageCount > 1 ? ` · page ${clients.page} sur ${clients.pageCount}` : ''}`}
        </p>

        <ul className="flex flex-col gap-3">
          {clients.rows.map((c) => (
            <li key={c.delegationId} className="flex flex-col gap-3 rounded border border-slate-300 p-4 lg:flex-row lg:items-start lg:justify-between">
              <div className="flex flex-col gap-1">
                <h3 className="text-lg font-bold">{c.name}</h3>
                <p className="text-sm">
                  SIRET {formatSiret(c.siret)}
                  {c.city && ` · ${c.city}`}
                </p>
                <p>
                  <span className="sr-only">Domaines délégués : </span>
                  {delegableAreas
                    .filter((a) => c.areas[a])
                    .map((a) => (
                      <span key={a} className="mr-2 inline-block rounded bg-brand-light px-2 py-0.5 text-sm text-brand-dark">
                        {areaLabels[a]} ({levelLabels[c.areas[a]!].toLowerCase()})
                      </span>
                    ))}
                </p>
                <p className="text-sm">
                  {c.isEnded ? (
                    <strong>Délégation terminée le {formatDayShort(c.endsOn!)}</strong>
                  ) : c.endsOn ? (
                    <>
                      Jusqu’au {formatDayShort(c.endsOn)} inclus
                      {c.isEndingSoon && <strong className="ml-2 text-amber-900">· se termine bientôt</strong>}
                    </>
                  ) : (
                    'Sans date de fin'
                  )}
                </p>
                <ul className="mt-1 text-sm" aria-label={`Points d’attention pour ${c.name}`}>
                  {c.isUpToDate !== null && (
                    <li>
                      Attestation de mise à jour :{' '}
                      {c.isUpToDate ? <span className="font-semibold text-green-800">à jour</span> : <strong className="text-red-800">non à jour</strong>}
                    </li>
                  )}
                  {(['declarations', 'payments', 'leave'] as const)
                    .filter((a) => c.areas[a])
                    .map((a) => (
                      <li key={a} className="text-muted">
                        {areaLabels[a]} : suivi bientôt disponible
                      </li>
                    ))}
                </ul>
              </div>
              {!c.isEnded && (
                <ActionButton action={actForClientAction} fields={{ companyId: c.companyId }} label="Agir pour cette entreprise" accessibleLabel={`Agir pour cette entreprise : ${c.name}`} className={buttonClass} />
              )}
            </li>
          ))}
        </ul>

        {clients.pageCount > 1 && (
          <nav aria-label="Pages de la liste des clients">
            <ul className="flex flex-wrap gap-2">
              {Array.from({ length: clients.pageCount }, (_, i) => i + 1).map((p) => (
                <li key={p}>
                  <Link
                    href={pageHref(p)}
                    aria-current={p === clients.page ? 'page' : undefined}
                    aria-label={`Page ${p}`}
                    className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded border ${p === clients.page ? 'border-brand bg-brand font-bold text-white' : 'border-slate-400 text-brand-dark'}`}
                  >
                    {p}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </section>
      <p>
        <Link href="/espace" className={linkClass}>Tableau de bord du cabinet</Link>
      </p>
    </div>
  );
}
