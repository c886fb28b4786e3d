import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireSession } from '@/lib/auth/current';
import { sessionGate } from '@/lib/auth/sessions';
import { logoutAction } from '../../../espace/actions';
import { VerificationForm } from './verification-form';

export const metadata: Metadata = { title: 'Vérification en deux étapes' };

export default async function VerificationPage() {
  const session = await requireSession({ allow: ['mfa_pending'] });
  if (sessionGate(session) !== 'mfa_pending') redirect('/espace');
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-3xl font-black text-brand-dark">Vérification en deux étapes</h1>
      <p>
        Votre compte est protégé par la double authentification. Ouvrez votre application d’authentification et saisissez le code affiché pour
        l’Espace sécurisé.
      </p>
      <section aria-labelledby="titre-code" className="rounded-lg border border-slate-200 p-6">
        <h2 id="titre-code" className="mb-4 text-xl font-bold">Saisir le code</h2>
        <VerificationForm />
      </section>
      <p className="text-sm text-muted">
        Vous n’avez plus accès à votre application ni à vos codes de secours ? Contactez votre caisse : elle vérifiera votre identité avant de
        désactiver la double authentification.
      </p>
      <form action={logoutAction}>
        <button type="submit" className="min-h-11 rounded-md border border-brand px-3 font-semibold text-brand-dark hover:bg-brand-light">
          Annuler et se déconnecter
        </button>
      </form>
    </div>
  );
}
