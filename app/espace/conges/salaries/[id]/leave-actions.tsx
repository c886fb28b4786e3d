'use client';

import { useActionState } from 'react';
import { ActionButton } from '@/app/espace/_components/action-button';
import { TextField } from '@/app/_components/form-controls';
import { dangerButtonClass, FormMessage, secondaryButtonClass } from '@/app/espace/_components/form-bits';
import type { ActionState } from '@/lib/access/schemas';
import { cancelLeaveAction, updateLeaveAction } from '../../actions';

/** « Modifier » and « Annuler ce congé », offered until the leave's payment is scheduled. */
export function LeaveActions({ leave }: { leave: { id: string; start: string; end: string; kind: 'main' | 'other'; label: string } }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(updateLeaveAction, null);
  return (
    <div className="flex flex-col gap-3">
      <details>
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand underline">Modifier ce congé</summary>
        <form action={formAction} className="mt-2 flex flex-col gap-3">
          <input type="hidden" name="leaveId" value={leave.id} />
          <input type="hidden" name="kind" value={leave.kind} />
          <div className="grid gap-3 sm:grid-cols-2">
            {/* One form per leave on the page: ids carry the leave's id, names stay those the action reads. */}
            <TextField id={`start-${leave.id}`} name="start" label="Premier jour de congé" type="date" defaultValue={state?.values?.start ?? leave.start} error={state?.fieldErrors?.start} required />
            <TextField id={`end-${leave.id}`} name="end" label="Dernier jour de congé" type="date" defaultValue={state?.values?.end ?? leave.end} error={state?.fieldErrors?.end} required />
          </div>
          <FormMessage state={state} />
          <div>
            <button type="submit" disabled={pending} className={secondaryButtonClass}>
              {pending ? 'Enregistrement…' : 'Enregistrer les nouvelles dates'}
            </button>
          </div>
        </form>
      </details>
      <ActionButton action={cancelLeaveAction} fields={{ leaveId: leave.id }} label="Annuler ce congé" pendingLabel="Annulation…" className={dangerButtonClass} accessibleLabel={`Annuler le congé ${leave.label}`} />
    </div>
  );
}
