'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/auth/authed-action';
import { FormMessage, SubmitButton, TextField } from '../../_components/form-controls';
import { requestPasswordResetAction } from './actions';

export function ResetRequestForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(requestPasswordResetAction, null);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage ok={state?.ok} message={state?.message} />
      <TextField
        id="email"
        label="Adresse électronique"
        hint="Celle qui vous sert d’identifiant de connexion."
        type="email"
        autoComplete="username"
        required
        defaultValue={state?.ok === false ? state.values?.email : undefined}
        error={state?.ok === false ? state.fieldErrors?.email : undefined}
      />
      <SubmitButton pending={pending} pendingLabel="Envoi…">Recevoir le lien</SubmitButton>
    </form>
  );
}
