'use client';

import { useActionState } from 'react';
import { sendTestEmailAction, type SendTestState } from './actions';

export function SendTestForm() {
  const [state, action, pending] = useActionState<SendTestState, FormData>(sendTestEmailAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col">
        <label htmlFor="to" className="text-sm font-semibold">Destinataire</label>
        <input id="to" name="to" type="email" required defaultValue="test@example.test" className="min-h-11 rounded border border-slate-400 px-3" />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-slate-800 px-4 font-semibold text-white">
        {pending ? 'Envoi…' : 'Envoyer un message de test'}
      </button>
      <p role="status" className={state?.ok === false ? 'text-red-700' : 'text-green-800'}>{state?.message}</p>
    </form>
  );
}
