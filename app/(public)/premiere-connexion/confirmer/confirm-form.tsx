'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { confirmAction, type ConfirmState } from '../actions';
import { ErrorSummary } from '../_components/error-summary';
import { SubmitButton } from '../_components/submit-button';

export function ConfirmForm({ token }: { token: string }) {
  const [state, action] = useActionState<ConfirmState, FormData>(confirmAction, null);
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <ErrorSummary message={state?.message} errors={[]}>
        {state?.help === 'sign-in' && (
          <p className="mt-2">
            <Link className="font-semibold text-red-900 underline" href="/connexion">
              Se connecter
            </Link>
          </p>
        )}
        {state?.help === 'restart' && (
          <p className="mt-2">
            <Link className="font-semibold text-red-900 underline" href="/premiere-connexion">
              Recommencer la création de mon espace
            </Link>
          </p>
        )}
      </ErrorSummary>
      <div>
        <SubmitButton pendingLabel="Création de votre espace…">Confirmer la création de mon espace</SubmitButton>
      </div>
    </form>
  );
}
