'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/access/schemas';
import { grantsFromValues, RightsFieldset } from '../../_components/rights-fieldset';
import { buttonClass, FormMessage, TextField } from '../../_components/form-bits';
import { requestDelegationAction } from '../actions';

export function RequestDelegationForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(requestDelegationAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormMessage state={state} />
      <TextField name="siret" label="SIRET de l’entreprise" required inputMode="numeric" state={state} hint="14 chiffres, espaces permis." />
      <RightsFieldset legend="Domaines demandés" defaults={grantsFromValues(state?.values)} error={state?.fieldErrors?.areas} idPrefix="domaines" />
      <TextField name="endsOn" label="Date de fin de la délégation" type="date" state={state} hint="Dernier jour inclus. Sans date : jusqu’à révocation." />
      <TextField name="note" label="Message pour l’entreprise" state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Envoi…' : 'Envoyer la demande'}
      </button>
    </form>
  );
}
