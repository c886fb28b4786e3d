'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/auth/authed-action';
import { FormMessage, SubmitButton, TextField } from '../../../_components/form-controls';
import { resetPasswordAction } from '../actions';

export function NewPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(resetPasswordAction, null);
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage ok={state?.ok} message={state?.message} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        id="password"
        label="Nouveau mot de passe"
        hint="Au moins 12 caractères. Une phrase de plusieurs mots est plus facile à retenir et plus difficile à deviner."
        type="password"
        autoComplete="new-password"
        required
        error={errors?.password}
      />
      <TextField id="confirmation" label="Confirmation du mot de passe" type="password" autoComplete="new-password" required error={errors?.confirmation} />
      <SubmitButton pending={pending} pendingLabel="Enregistrement…">Enregistrer le nouveau mot de passe</SubmitButton>
    </form>
  );
}
