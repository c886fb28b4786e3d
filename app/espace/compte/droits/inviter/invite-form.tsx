'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/access/schemas';
import { grantsFromValues, RightsFieldset } from '../../../_components/rights-fieldset';
import { buttonClass, FormMessage, TextField } from '../../../_components/form-bits';
import { RoleFieldset } from '../role-fieldset';
import { inviteMemberAction } from '../actions';

export function InviteMemberForm({ withRights }: { withRights: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(inviteMemberAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormMessage state={state} />
      <TextField name="email" label="Adresse électronique" type="email" autoComplete="off" required state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="firstName" label="Prénom" state={state} autoComplete="off" />
        <TextField name="lastName" label="Nom" state={state} autoComplete="off" />
      </div>
      <RoleFieldset defaultRole={state?.values?.role === 'admin' ? 'admin' : 'collaborator'} />
      {withRights && <RightsFieldset legend="Droits par domaine (pour un collaborateur)" defaults={grantsFromValues(state?.values)} />}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Envoi…' : 'Envoyer l’invitation'}
      </button>
    </form>
  );
}
