'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/access/schemas';
import { grantsFromValues, RightsFieldset } from '../../../_components/rights-fieldset';
import { buttonClass, FormMessage, TextField } from '../../../_components/form-bits';
import { inviteFirmAction, offerDelegationAction } from '../actions';

function Terms({ state }: { state: ActionState }) {
  return (
    <>
      <RightsFieldset legend="Domaines délégués" defaults={grantsFromValues(state?.values)} error={state?.fieldErrors?.areas} idPrefix="domaines" />
      <TextField
        name="endsOn"
        label="Date de fin de la délégation"
        type="date"
        state={state}
        hint="Dernier jour inclus. Sans date, la délégation dure jusqu’à ce que vous la révoquiez."
      />
    </>
  );
}

export function OfferDelegationForm({ firmId, firmName }: { firmId: string; firmName: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(offerDelegationAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="firmId" value={firmId} />
      <FormMessage state={state} />
      <Terms state={state} />
      <p>
        En confirmant, vous autorisez {firmName} à agir pour votre entreprise dans ces domaines, dès qu’il aura accepté. Vous pourrez
        révoquer la délégation à tout moment.
      </p>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Envoi…' : 'Confirmer la délégation'}
      </button>
    </form>
  );
}

export function InviteFirmForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(inviteFirmAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormMessage state={state} />
      <TextField name="firmName" label="Nom du cabinet" required state={state} autoComplete="organization" />
      <TextField name="siret" label="SIRET du cabinet" required state={state} inputMode="numeric" hint="14 chiffres, espaces permis." />
      <TextField name="email" label="Adresse électronique du cabinet" type="email" required state={state} />
      <Terms state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Envoi…' : 'Inviter le cabinet et confirmer la délégation'}
      </button>
    </form>
  );
}
