import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { inspectEmailChangeToken } from '@/lib/auth/account';
import { ConfirmEmailChangeForm } from './confirm-form';

export const metadata: Metadata = { title: 'Confirmer ma nouvelle adresse', referrer: 'no-referrer' };

const problems = {
  expired: 'Ce lien a expiré : il était valable 24 heures. Refaites la demande depuis votre compte.',
  used: 'Ce lien a déjà servi.',
  unknown: 'Ce lien n’est pas valable.',
} as const;

export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const { jeton = '' } = await searchParams;
  const state = await inspectEmailChangeToken(await getDb(), jeton);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-3xl font-black text-brand-dark">Confirmer ma nouvelle adresse</h1>
      {state.status === 'valid' ? (
        <>
          <p>
            Votre identifiant de connexion deviendra <strong>{state.newEmail}</strong>.
          </p>
          <ConfirmEmailChangeForm token={jeton} />
        </>
      ) : (
        <div className="rounded border-l-4 border-red-700 bg-red-50 p-4">
          <p className="font-semibold text-red-800">{problems[state.status]}</p>
          <p className="mt-2">
            <Link href="/connexion" className="text-brand underline">Aller à la connexion</Link>
          </p>
        </div>
      )}
    </div>
  );
}
