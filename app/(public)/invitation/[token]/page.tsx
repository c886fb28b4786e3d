import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { getInvitation } from '@/lib/access/mutations';
import { describeGrants } from '@/lib/access/rules';
import { getCurrentSession } from '@/lib/auth/current';
import { formatDayShort, todayInFrance } from '@/lib/format';
import { LinkAccountForm, NewAccountForm } from './invitation-forms';

export const metadata: Metadata = { title: 'Invitation à l’Espace sécurisé', referrer: 'no-referrer' };

const refusals = {
  expired: { title: 'Ce lien d’invitation a expiré', text: 'Les invitations sont valables 7 jours. Demandez à l’administrateur de l’espace de vous inviter à nouveau.' },
  used: { title: 'Ce lien d’invitation a déjà servi', text: 'Chaque lien ne sert qu’une fois. Si c’est vous qui l’avez utilisé, connectez-vous ; sinon demandez une nouvelle invitation.' },
  unknown: { title: 'Ce lien d’invitation n’est pas valide', text: 'Vérifiez qu’il est complet (copiez tout le lien reçu par courriel), ou demandez une nouvelle invitation.' },
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitation(await getDb(), token);
  if (invitation.status !== 'valid') {
    const r = refusals[invitation.status];
    return (
      <div className="mx-auto flex max-w-xl flex-col gap-4">
        <h1 className="text-3xl font-black text-brand-dark">{r.title}</h1>
        <p className="text-lg">{r.text}</p>
        <p>
          <Link href="/connexion" className="font-semibold text-brand underline">Aller à la page de connexion</Link>
        </p>
      </div>
    );
  }
  const session = await getCurrentSession();
  const rights = invitation.role === 'admin' ? ['Administrateur : tous les droits'] : describeGrants(invitation.rights);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-3xl font-black text-brand-dark">Rejoindre l’Espace sécurisé de {invitation.organisationName}</h1>
      <div className="rounded-lg bg-brand-light p-4">
        <p>
          Invitation pour <strong className="break-all">{invitation.email}</strong>, valable jusqu’au {formatDayShort(todayInFrance(invitation.expiresAt))}.
        </p>
        <p className="mt-2 font-semibold">Vos droits :</p>
        <ul className="list-disc pl-6">
          {rights.length ? rights.map((r) => <li key={r}>{r}</li>) : <li>Aucun pour le moment (l’administrateur pourra vous en donner)</li>}
        </ul>
      </div>
      {invitation.hasAccount ? (
        <section aria-labelledby="titre-rattacher" className="flex flex-col gap-3">
          <h2 id="titre-rattacher" className="text-xl font-bold">Vous avez déjà un compte</h2>
          {session && session.email !== invitation.email && (
            <p>
              Vous êtes connecté en tant que {session.email}. Cette invitation est destinée à {invitation.email} : c’est ce compte-là qui sera rattaché.
            </p>
          )}
          <LinkAccountForm token={token} email={invitation.email} isSignedInAsInvitee={session?.email === invitation.email} />
        </section>
      ) : (
        <section aria-labelledby="titre-creer" className="flex flex-col gap-3">
          <h2 id="titre-creer" className="text-xl font-bold">Créez votre accès</h2>
          <p>Votre adresse électronique sera votre identifiant. Choisissez un mot de passe d’au moins 12 caractères, difficile à deviner.</p>
          <NewAccountForm token={token} email={invitation.email} />
        </section>
      )}
    </div>
  );
}
