import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { listOrganisationMembers, listPendingInvitations } from '@/lib/access/queries';
import { areaLabels, delegableAreas, describeGrants, levelLabels } from '@/lib/access/rules';
import { formatSiret } from '@/lib/companies/siret';
import { listCompanyDelegations, needsLegacyRenewal } from '@/lib/delegations/queries';
import { formatDayShort, todayInFrance } from '@/lib/format';
import { ActionButton } from '../../_components/action-button';
import { buttonClass, dangerButtonClass, linkClass, secondaryButtonClass } from '../../_components/form-bits';
import { acceptRequestAction, cancelInvitationAction, declineRequestAction, revokeDelegationAction } from './actions';
import { DelegateButton, LegacyDelegationBanner } from './delegate-button';

export const metadata: Metadata = { title: 'Gérer les droits d’accès' };

const doneMessages: Record<string, string> = {
  invitation: 'Invitation envoyée. Le lien reçu par courriel est valable 7 jours et ne sert qu’une fois.',
  droits: 'Droits enregistrés. Ils s’appliquent dès la prochaine page ouverte par cet utilisateur.',
  retrait: 'Accès retiré.',
  delegation: 'Délégation proposée. Le cabinet a reçu un courriel : elle prendra effet dès qu’il l’aura acceptée.',
  'cabinet-invite': 'Le cabinet est invité à créer son Espace sécurisé ; la délégation prendra effet dès qu’il l’aura acceptée.',
  'demande-acceptee': 'Délégation acceptée : le cabinet peut agir dès maintenant dans les domaines prévus.',
  'demande-refusee': 'Demande refusée. Le cabinet en est informé.',
  revocation: 'Délégation révoquée : le cabinet n’a plus accès à votre espace. Les deux parties ont été prévenues par courriel.',
};

const statusLabels = {
  pending_firm: 'En attente d’acceptation par le cabinet',
  pending_company: 'Demandée par le cabinet : à accepter ou refuser',
  active: 'Active',
  declined: 'Refusée',
  revoked: 'Révoquée',
} as const;

export default async function AccessRightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireArea('account', 'read');
  const params = await searchParams;
  const db = await getDb();
  const org = ctx.company;
  const isCompany = org.kind === 'company';
  const today = todayInFrance();
  const [members, invitations, delegations, legacy] = await Promise.all([
    listOrganisationMembers(db, org.id),
    listPendingInvitations(db, org.id),
    isCompany ? listCompanyDelegations(db, org.id) : Promise.resolve([]),
    isCompany ? needsLegacyRenewal(db, org.id) : Promise.resolve(false),
  ]);
  const done = typeof params.fait === 'string' ? doneMessages[params.fait] : undefined;
  const toRevoke = typeof params.revoquer === 'string' ? delegations.find((d) => d.id === params.revoquer && ['active', 'pending_firm'].includes(d.status)) : undefined;
  const requests = delegations.filter((d) => d.status === 'pending_company');
  const others = delegations.filter((d) => d.status !== 'pending_company');

  return (
    <div className="flex flex-col gap-8">
      <nav aria-label="Fil d’Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/espace" className={linkClass}>Tableau de bord</Link> ›
          </li>
          <li>
            <Link href="/espace/compte" className={linkClass}>Gérer mon compte utilisateur et les droits d’accès</Link> ›
          </li>
          <li aria-current="page">Gérer les droits d’accès</li>
        </ol>
      </nav>
      <div>
        <h1 className="text-3xl font-black text-brand-dark">Gérer les droits d’accès</h1>
        <p className="mt-2 text-lg">
          {org.name} · SIRET {formatSiret(org.siret)}
        </p>
      </div>
      {done && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {done}
        </p>
      )}
      {legacy && <LegacyDelegationBanner />}

      {requests.length > 0 && (
        <section aria-labelledby="titre-demandes" className="rounded-lg border-2 border-accent p-5">
          <h2 id="titre-demandes" className="text-xl font-bold text-brand-dark">Demandes de délégation à traiter</h2>
          <ul className="mt-3 flex flex-col gap-4">
            {requests.map((d) => (
              <li key={d.id} className="rounded border border-slate-300 p-4">
                <p className="font-semibold">
                  {d.firmName} <span className="font-normal">· SIRET {formatSiret(d.firmSiret)}</span>
                </p>
                <p>Demande à gérer : {describeGrants(d.areas).join(' ; ')}.</p>
                <p>{d.endsOn ? `Jusqu’au ${formatDayShort(d.endsOn)} inclus.` : 'Sans date de fin (jusqu’à révocation).'}</p>
                {d.note && <p className="mt-1 italic">« {d.note} »</p>}
                <div className="mt-3 flex flex-wrap gap-3">
                  <ActionButton action={acceptRequestAction} fields={{ delegationId: d.id }} label="Accepter" accessibleLabel={`Accepter la demande de ${d.firmName}`} className={buttonClass} />
                  <ActionButton action={declineRequestAction} fields={{ delegationId: d.id }} label="Refuser" accessibleLabel={`Refuser la demande de ${d.firmName}`} className={dangerButtonClass} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="titre-utilisateurs" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="titre-utilisateurs" className="text-2xl font-bold text-brand-dark">Utilisateurs de l’espace</h2>
          <Link href="/espace/compte/droits/inviter" className={buttonClass}>
            Inviter un collaborateur
          </Link>
        </div>
        <ul className="flex flex-col gap-3">
          {members.map((m) => {
            const name = `${m.firstName} ${m.lastName}`.trim() || m.email;
            return (
              <li key={m.userId} className="flex flex-col gap-2 rounded border border-slate-300 p-4 sm:flex-row sm:items-start sm:justify-between">
                <div>
                  <p className="font-semibold">
                    {name}
                    {m.userId === ctx.session.userId && <span className="font-normal"> (vous)</span>}
                  </p>
                  <p className="break-all text-sm text-muted">{m.email}</p>
                  <p className="mt-1">
                    {m.role === 'admin' ? (
                      <strong>Administrateur : tous les droits</strong>
                    ) : !isCompany ? (
                      'Collaborateur : agit pour les clients du cabinet'
                    ) : (
                      <>
                        Collaborateur :{' '}
                        {delegableAreas.map((a, i) => (
                          <span key={a}>
                            {i > 0 && ' · '}
                            {areaLabels[a]} : {levelLabels[m.rights[a] ?? 'none'].toLowerCase()}
                          </span>
                        ))}
                      </>
                    )}
                  </p>
                </div>
                <Link href={`/espace/compte/droits/utilisateurs/${m.userId}`} className={secondaryButtonClass} aria-label={`Modifier les droits de ${name}`}>
                  Modifier
                </Link>
              </li>
            );
          })}
        </ul>
        {invitations.length > 0 && (
          <div>
            <h3 className="text-lg font-bold">Invitations en attente</h3>
            <ul className="mt-2 flex flex-col gap-3">
              {invitations.map((inv) => (
                <li key={inv.id} className="flex flex-col gap-2 rounded border border-dashed border-slate-400 p-4 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <p className="break-all font-semibold">{inv.payload.email}</p>
                    <p className="text-sm">
                      {inv.payload.role === 'admin' ? 'Administrateur' : describeGrants(inv.payload.rights).join(' ; ') || 'Aucun droit'} · lien valable jusqu’au{' '}
                      {formatDayShort(todayInFrance(inv.expiresAt))}
                    </p>
                  </div>
                  <ActionButton
                    action={cancelInvitationAction}
                    fields={{ invitationId: inv.id }}
                    label="Annuler l’invitation"
                    accessibleLabel={`Annuler l’invitation de ${inv.payload.email}`}
                    className={dangerButtonClass}
                  />
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {isCompany && (
        <section aria-labelledby="titre-cabinet" className="flex flex-col gap-4">
          <h2 id="titre-cabinet" className="text-2xl font-bold text-brand-dark">Cabinet comptable</h2>
          <p>
            Votre cabinet comptable (tiers-déclarant) peut agir pour vous dans les domaines que vous choisissez, jusqu’à la date que vous fixez.
            Vous pouvez révoquer la délégation à tout moment : elle cesse immédiatement.
          </p>
          <div>
            <DelegateButton />
          </div>
          {toRevoke && (
            <div role="region" aria-labelledby="titre-confirmer" className="rounded-lg border-2 border-red-800 bg-red-50 p-5">
              <h3 id="titre-confirmer" className="text-lg font-bold text-red-900">
                {toRevoke.status === 'active' ? 'Révoquer' : 'Annuler'} la délégation à {toRevoke.firmName} ?
              </h3>
              <p className="mt-2">
                {toRevoke.status === 'active'
                  ? 'Le cabinet perdra immédiatement l’accès à votre espace. Vous et le cabinet serez prévenus par courriel.'
                  : 'La proposition ne pourra plus être acceptée. Le cabinet en sera prévenu.'}
              </p>
              <div className="mt-3 flex flex-wrap gap-3">
                <ActionButton action={revokeDelegationAction} fields={{ delegationId: toRevoke.id }} label="Confirmer la révocation" className={dangerButtonClass} />
                <Link href="/espace/compte/droits" className={secondaryButtonClass}>
                  Ne rien changer
                </Link>
              </div>
            </div>
          )}
          {others.length === 0 ? (
            <p className="text-muted">Aucune délégation pour le moment.</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {others.map((d) => {
                const ended = d.status === 'active' && d.endsOn !== null && d.endsOn < today;
                return (
                  <li key={d.id} className="flex flex-col gap-2 rounded border border-slate-300 p-4 sm:flex-row sm:items-start sm:justify-between">
                    <div>
                      <p className="font-semibold">
                        {d.firmName} <span className="font-normal">· SIRET {formatSiret(d.firmSiret)}</span>
                      </p>
                      <p>
                        <span className="font-semibold">{ended ? 'Terminée' : statusLabels[d.status]}</span>
                        {d.status === 'pending_firm' && !d.firmActivated && ' (le cabinet doit d’abord créer son espace)'}
                      </p>
                      <p>{describeGrants(d.areas).join(' ; ')}</p>
                      <p className="text-sm text-muted">
                        {d.endsOn ? `Jusqu’au ${formatDayShort(d.endsOn)} inclus` : 'Sans date de fin'}
                        {d.revokedAt && ` · révoquée le ${formatDayShort(todayInFrance(d.revokedAt))}`}
                      </p>
                    </div>
                    {(d.status === 'active' || d.status === 'pending_firm') && !ended && (
                      <Link href={`/espace/compte/droits?revoquer=${d.id}#titre-confirmer`} className={dangerButtonClass} aria-label={`${d.status === 'active' ? 'Révoquer' : 'Annuler'} la délégation à ${d.firmName}`}>
                        {d.status === 'active' ? 'Révoquer' : 'Annuler'}
                      </Link>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}

      <p>
        <Link href={isCompany ? '/espace/historique' : '/espace/clients'} className={linkClass}>
          {isCompany ? 'Voir l’historique de tout ce qui a été fait au nom de l’entreprise' : 'Mes clients'}
        </Link>
      </p>
    </div>
  );
}
