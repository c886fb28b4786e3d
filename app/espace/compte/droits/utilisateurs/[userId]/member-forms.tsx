'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { AreaGrants } from '@/lib/access/rules';
import type { ActionState } from '@/lib/access/schemas';
import { grantsFromValues, RightsFieldset } from '../../../../_components/rights-fieldset';
import { buttonClass, dangerButtonClass, FormMessage, secondaryButtonClass } from '../../../../_components/form-bits';
import { RoleFieldset } from '../../role-fieldset';
import { removeMemberAction, updateMemberAction } from '../../actions';

export function EditMemberForm({ userId, role, rights, withRights }: { userId: string; role: 'admin' | 'collaborator'; rights: AreaGrants; withRights: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateMemberAction, null);
  return (
    <form action={action} className="flex flex-col gap-5">
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <RoleFieldset defaultRole={(state?.values?.role as 'admin' | 'collaborator' | undefined) ?? role} error={state?.fieldErrors?.role} />
      {withRights && <RightsFieldset legend="Droits par domaine (pour un collaborateur)" defaults={grantsFromValues(state?.values, rights)} />}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Enregistrement…' : 'Enregistrer les droits'}
      </button>
    </form>
  );
}

export function RemoveMemberForm({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(removeMemberAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {pending ? 'Retrait…' : `Confirmer le retrait de ${name}`}
        </button>
        <Link href={`/espace/compte/droits/utilisateurs/${userId}`} className={secondaryButtonClass}>
          Annuler
        </Link>
      </div>
    </form>
  );
}
