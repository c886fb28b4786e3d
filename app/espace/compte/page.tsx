import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { describeAuditAction, auditOutcomeLabels } from '@/lib/audit/labels';
import { getSessionPolicy, requireSession } from '@/lib/auth/current';
import { getAccountOverview } from '@/lib/auth/queries';
import { describeUserAgent } from '@/lib/auth/user-agent';
import { formatDateTime } from '@/lib/format';
import { UserMenu } from '../user-menu';
import { DisableTotpForm, EmailChangeForm, PasswordChangeForm, RegenerateRecoveryCodesForm, RevokeOtherSessionsForm } from './forms';

export const metadata: Metadata = { title: 'Gérer mon compte utilisateur et les droits d’accès' };

function Card({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4 sm:p-6">
      <h3 id={id} className="text-xl font-bold">
        {title}
      </h3>
      {children}
    </section>
  );
}

export default async function AccountPage() {
  const session = await requireSession();
  const { twoFactor, sessions, history } = await getAccountOverview(await getDb(), session.userId, getSessionPolicy());
  const fullName = `${session.firstName} ${session.lastName}`.trim() || session.email;
  const otherSessions = sessions.filter((s) => s.id !== session.sessionId).length;

  return (
    <div className="flex flex-col gap-8">
      <UserMenu name={fullName} />
      <div>
        <Link href="/espace" className="inline-flex min-h-11 items-center text-brand-dark underline">
          ← Tableau de bord
        </Link>
        <h1 className="text-3xl font-black text-brand-dark">Gérer mon compte utilisateur et les droits d’accès</h1>
      </div>

      <section aria-labelledby="titre-mon-compte" className="flex flex-col gap-6">
        <h2 id="titre-mon-compte" className="text-2xl font-black">Mon compte</h2>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card id="titre-adresse" title="Adresse électronique">
            <p>
              Votre identifiant de connexion : <strong className="break-all">{session.email}</strong>
            </p>
            <p className="text-sm text-muted">
              Pour la changer, la nouvelle adresse doit être confirmée par un lien que nous lui envoyons ; l’adresse actuelle est prévenue.
            </p>
            <EmailChangeForm currentEmail={session.email} />
          </Card>

          <Card id="titre-mot-de-passe" title="Mot de passe">
            <PasswordChangeForm email={session.email} />
          </Card>

          <Card id="titre-2fa" title="Double authentification">
            {twoFactor.isEnabled ? (
              <>
                <p>
                  <strong>Activée</strong>
                  {twoFactor.enabledAt && ` depuis le ${formatDateTime(twoFactor.enabledAt)}`}. À chaque connexion, un code de votre application
                  d’authentification vous est demandé après le mot de passe.
                </p>
                <p>
                  Codes de secours restants : <strong>{twoFactor.recoveryCodesLeft}</strong> sur 10.
                </p>
                <RegenerateRecoveryCodesForm />
                {session.isCaisseStaff ? (
                  <p className="text-sm text-muted">Obligatoire pour les comptes de la caisse : elle ne peut pas être désactivée.</p>
                ) : (
                  <details className="rounded border border-slate-200 p-3">
                    <summary className="min-h-11 cursor-pointer content-center font-semibold">Désactiver la double authentification</summary>
                    <div className="mt-3">
                      <DisableTotpForm />
                    </div>
                  </details>
                )}
              </>
            ) : (
              <>
                <p>
                  <strong>Non activée.</strong> Avec la double authentification, un code à 6 chiffres affiché par une application de votre téléphone
                  vous est demandé après le mot de passe : un mot de passe volé ne suffit plus.
                </p>
                <p>
                  <Link
                    href="/espace/compte/double-authentification"
                    className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-bold text-white hover:bg-brand-dark"
                  >
                    Activer la double authentification
                  </Link>
                </p>
              </>
            )}
          </Card>

          <Card id="titre-sessions" title="Sessions ouvertes">
            <ul className="flex flex-col gap-2">
              {sessions.map((s) => (
                <li key={s.id} className="rounded border border-slate-200 p-3">
                  <p className="font-semibold">
                    {describeUserAgent(s.userAgent)}
                    {s.id === session.sessionId && <span className="ml-2 rounded bg-brand-light px-2 text-sm text-brand-dark">cet appareil</span>}
                  </p>
                  <p className="text-sm text-muted">
                    Ouverte le {formatDateTime(s.createdAt)} · dernière activité le {formatDateTime(s.lastSeenAt)}
                    {s.ip && ` · adresse IP ${s.ip}`}
                  </p>
                </li>
              ))}
            </ul>
            <p className="text-sm text-muted">
              {otherSessions === 0
                ? 'Aucune autre session ouverte.'
                : `${otherSessions} autre${otherSessions > 1 ? 's' : ''} session${otherSessions > 1 ? 's' : ''} ouverte${otherSessions > 1 ? 's' : ''}.`}{' '}
              Une session se ferme d’elle-même après 30 minutes d’inactivité.
            </p>
            <RevokeOtherSessionsForm />
          </Card>
        </div>

        <Card id="titre-historique" title="Historique de connexion">
          {history.length === 0 ? (
            <p>Aucune opération enregistrée.</p>
          ) : (
            <ol className="flex flex-col divide-y divide-slate-200">
              {history.map((entry) => (
                <li key={entry.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
                  <span className="shrink-0 text-sm text-muted sm:w-44">{formatDateTime(entry.occurredAt)}</span>
                  <span className="grow">
                    {describeAuditAction(entry.action)} — <span className={entry.outcome === 'success' ? '' : 'font-semibold text-red-800'}>{auditOutcomeLabels[entry.outcome] ?? entry.outcome}</span>
                  </span>
                  <span className="text-sm text-muted">
                    {describeUserAgent(entry.userAgent)}
                    {entry.ip && ` · ${entry.ip}`}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </section>

      <section aria-labelledby="titre-droits" className="flex flex-col gap-3 rounded-lg bg-brand-light p-4 sm:p-6">
        <h2 id="titre-droits" className="text-2xl font-black">Gérer les droits d’accès</h2>
        <p>Les utilisateurs de votre organisation et leurs droits par domaine, les invitations, et « Déléguez à mon cabinet comptable ».</p>
        <p>
          <Link href="/espace/compte/droits" className="inline-flex min-h-11 items-center font-semibold text-brand-dark underline">
            Gérer les droits d’accès
          </Link>
        </p>
      </section>
    </div>
  );
}
