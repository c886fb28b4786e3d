'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/auth/authed-action';
import { FormMessage, SubmitButton } from '../../_components/form-controls';
import { confirmEmailChangeAction } from './actions';

export function ConfirmEmailChangeForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(confirmEmailChangeAction, null);
  return (
    <form action={action} className="flex flex-col gap-4">
      <FormMessage ok={state?.ok} message={state?.message} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Confirmation…">Confirmer ma nouvelle adresse</SubmitButton>
    </form>
  );
}
