'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/auth/authed-action';
import { FormMessage, SubmitButton, TextField } from '../../../_components/form-controls';
import { verifySecondFactorAction } from './actions';

export function VerificationForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(verifySecondFactorAction, null);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage ok={state?.ok} message={state?.message} />
      <TextField
        id="code"
        label="Code de vérification"
        hint="Le code à 6 chiffres affiché par votre application d’authentification, ou l’un de vos codes de secours."
        autoComplete="one-time-code"
        inputMode="text"
        autoCapitalize="characters"
        spellCheck={false}
        required
        error={state?.ok === false ? state.fieldErrors?.code : undefined}
      />
      <SubmitButton pending={pending} pendingLabel="Vérification…">Valider</SubmitButton>
    </form>
  );
}
