'use client';

import { useActionState } from 'react';
import { resendAction, type ResendState } from '../actions';

export function ResendForm() {
  const [state, action, pending] = useActionState<ResendState>(resendAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <div>
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 w-full rounded-md border-2 border-brand bg-white px-4 font-bold text-brand-dark hover:bg-brand-light disabled:opacity-70 sm:w-auto"
        >
          {pending ? 'Envoi…' : 'Renvoyer le courriel'}
        </button>
      </div>
      <p role="status" className={state ? `rounded p-3 ${state.ok ? 'bg-green-50 text-green-900' : 'bg-amber-50 text-amber-950'}` : ''}>
        {state?.message}
      </p>
    </form>
  );
}
