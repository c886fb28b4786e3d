import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { inspectPasswordResetToken } from '@/lib/auth/password-reset';
import { NewPasswordForm } from './new-password-form';

export const metadata: Metadata = { title: 'Nouveau mot de passe', referrer: 'no-referrer' };

const problems = {
  expired: 'Ce lien a expiré : il était valable une heure.',
  used: 'Ce lien a déjà servi.',
  unknown: 'Ce lien n’est pas valable.',
} as const;

export default async function NewPasswordPage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const { jeton = '' } = await searchParams;
  const state = await inspectPasswordResetToken(await getDb(), jeton);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-3xl font-black text-brand-dark">Choisir un nouveau mot de passe</h1>
      {state.status === 'valid' ? (
        <section aria-labelledby="titre-nouveau" className="rounded-lg border border-slate-200 p-6">
          <h2 id="titre-nouveau" className="mb-4 text-xl font-bold">Compte {state.email}</h2>
          <NewPasswordForm token={jeton} email={state.email} />
        </section>
      ) : (
        <div className="rounded border-l-4 border-red-700 bg-red-50 p-4">
          <p className="font-semibold text-red-800">{problems[state.status]}</p>
          <p className="mt-2">
            <Link href="/mot-de-passe-oublie" className="text-brand underline">Demander un nouveau lien</Link>
          </p>
        </div>
      )}
    </div>
  );
}
