import Link from 'next/link';
import { getDb } from '@/db';
import type { ActingContext } from '@/lib/access/context';
import { areaLabels, delegableAreas, levelLabels, type DelegableArea, type Level } from '@/lib/access/rules';
import { getUpToDateStatus } from '@/lib/companies/status';
import { DeclarationsCard } from './_dashboard/declarations-card';
import { DocumentsCard } from './_dashboard/documents-card';
import { LeaveCard } from './_dashboard/leave-card';
import { PaymentsCard } from './_dashboard/payments-card';
import { needsLegacyRenewal } from '@/lib/delegations/queries';
import { LegacyDelegationBanner } from './compte/droits/delegate-button';

const cardLink = 'inline-flex min-h-11 items-center rounded-md border-2 border-brand bg-white px-4 font-semibold text-brand-dark hover:bg-brand-light';

/**
 * The dashboard's body: for the company shown, one card per area the user may use (from lib/access's
 * grants), the rights links for administrators, and for a firm not acting for a client, its client list.
 */
export async function SpaceOverview({ ctx }: { ctx: ActingContext }) {
  const db = await getDb();
  if (!ctx.company) {
    if (ctx.home.kind !== 'accounting_firm') return null;
    return (
      <section aria-labelledby="titre-cabinet" className="flex flex-col gap-3 rounded-lg bg-brand-light p-5">
        <h2 id="titre-cabinet" className="text-xl font-bold text-brand-dark">Votre cabinet</h2>
        <p>Retrouvez les entreprises qui vous délèguent leurs démarches, et les délégations à accepter.</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/espace/clients" className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-bold text-white hover:bg-brand-dark">
            Mes clients
          </Link>
          {ctx.home.role === 'admin' && (
            <Link href="/espace/compte/droits" className={cardLink}>Gérer les droits d’accès</Link>
          )}
        </div>
      </section>
    );
  }

  const company = ctx.company;
  const isAdmin = ctx.grants.account === 'write';
  const legacy = isAdmin && (await needsLegacyRenewal(db, company.id));
  const usable = delegableAreas.filter((a) => ctx.grants[a]);
  const status = usable.includes('attestations') ? await getUpToDateStatus(db, company.id, new Date()) : null;
  return (
    <div className="flex flex-col gap-6">
      {legacy && <LegacyDelegationBanner />}
      <section aria-labelledby="titre-domaines" className="flex flex-col gap-3">
        <h2 id="titre-domaines" className="text-2xl font-bold text-brand-dark">Vos démarches</h2>
        {usable.length === 0 ? (
          <p>Votre administrateur ne vous a encore ouvert aucun domaine.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {usable.map((area) => (
              <li key={area} className="flex flex-col gap-1 rounded-lg border border-slate-300 p-4">
                <h3 className="text-lg font-bold">{areaLabels[area]}</h3>
                <p className="text-sm text-muted">Vos droits : {levelLabels[ctx.grants[area]!].toLowerCase()}</p>
                {area === 'attestations' ? (
                  <>
                    <p>
                      Attestation de mise à jour :{' '}
                      {status?.upToDate ? <strong className="text-green-800">à jour</strong> : <strong className="text-red-800">non à jour</strong>}
                    </p>
                    <Link href="/espace/attestations" className="inline-flex min-h-11 items-center font-semibold text-brand-dark underline">
                      Attestations
                    </Link>
                  </>
                ) : (
                  <AreaCard area={area} companyId={company.id} level={ctx.grants[area]!} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {isAdmin && (
        <section aria-labelledby="titre-admin" className="flex flex-col gap-3 rounded-lg bg-brand-light p-5">
          <h2 id="titre-admin" className="text-xl font-bold text-brand-dark">Administration de l’espace</h2>
          <div className="flex flex-wrap gap-3">
            <Link href="/espace/compte/droits" className={cardLink}>Gérer les droits d’accès</Link>
            <Link href="/espace/historique" className={cardLink}>Historique</Link>
          </div>
        </section>
      )}
    </div>
  );
}

/** Each area's dashboard card lives in its own file under _dashboard/. */
function AreaCard({ area, companyId, level }: { area: Exclude<DelegableArea, 'attestations'>; companyId: string; level: Level }) {
  switch (area) {
    case 'declarations':
      return <DeclarationsCard companyId={companyId} level={level} />;
    case 'payments':
      return <PaymentsCard companyId={companyId} level={level} />;
    case 'leave':
      return <LeaveCard companyId={companyId} level={level} />;
    case 'documents':
      return <DocumentsCard companyId={companyId} level={level} />;
  }
}
