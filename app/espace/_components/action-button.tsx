'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/access/schemas';
import { FormMessage } from './form-bits';

type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** A one-button form (accept, decline, revoke, switch…) with its hidden fields and its answer shown next to it. */
export function ActionButton({
  action,
  fields = {},
  label,
  pendingLabel,
  className,
  accessibleLabel,
}: {
  action: FormAction;
  fields?: Record<string, string>;
  label: string;
  pendingLabel?: string;
  className: string;
  /** When the visible label alone is ambiguous in a list (« Accepter » … which one?). */
  accessibleLabel?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" disabled={pending} className={className} aria-label={accessibleLabel}>
        {pending ? (pendingLabel ?? label) : label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
