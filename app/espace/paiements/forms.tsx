'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/access/schemas';
import { buttonClass, FormMessage, TextField } from '../_components/form-bits';
import { confirmPaymentAction, registerMandateAction } from './actions';

type PayableMonth = { period: string; label: string; balance: string };

/** « Confirmer un paiement »: the month, the amount (the balance by default) and the method. */
export function ConfirmPaymentForm({ months, idempotencyKey, defaultMethod }: { months: PayableMonth[]; idempotencyKey: string; defaultMethod: 'sepa_debit' | 'transfer' }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(confirmPaymentAction, null);
  const [period, setPeriod] = useState(state?.values?.period ?? months[0]?.period ?? '');
  const selected = months.find((m) => m.period === period);
  const methodError = state?.fieldErrors?.method;
  const periodError = state?.fieldErrors?.period;
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage state={state} />
      <div className="flex flex-col gap-1">
        <label htmlFor="period" className="font-semibold">
          Mois payé
        </label>
        <select
          id="period"
          name="period"
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          aria-invalid={periodError ? true : undefined}
          aria-describedby={periodError ? 'period-erreur' : undefined}
          className="min-h-11 rounded border border-slate-500 bg-white px-3"
        >
          {months.map((m) => (
            <option key={m.period} value={m.period}>
              {m.label} — solde {m.balance} €
            </option>
          ))}
        </select>
        {periodError && (
          <p id="period-erreur" className="text-sm font-semibold text-red-800">
            {periodError}
          </p>
        )}
      </div>
      <TextField
        key={period}
        name="amount"
        label="Montant payé (€)"
        required
        inputMode="text"
        state={state}
        defaultValue={selected?.balance ?? ''}
        hint="Le solde du mois est proposé ; corrigez-le si vous avez payé un autre montant."
      />
      <fieldset className="flex flex-col gap-2" aria-describedby={methodError ? 'method-erreur' : undefined}>
        <legend className="font-semibold">Mode de paiement</legend>
        {(
          [
            ['transfer', 'Virement'],
            ['sepa_debit', 'Prélèvement SEPA'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex min-h-11 items-center gap-3">
            <input type="radio" name="method" value={value} defaultChecked={(state?.values?.method ?? defaultMethod) === value} className="h-5 w-5" />
            {label}
          </label>
        ))}
        {methodError && (
          <p id="method-erreur" className="text-sm font-semibold text-red-800">
            {methodError}
          </p>
        )}
      </fieldset>
      <button type="submit" disabled={pending} className={`${buttonClass} sm:self-start`}>
        {pending ? 'Confirmation…' : 'Confirmer le paiement'}
      </button>
    </form>
  );
}

/** « Enregistrer un mandat de prélèvement SEPA B2B »: IBAN and BIC, checked at the field. */
export function MandateForm({ hasMandate }: { hasMandate: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(registerMandateAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <TextField name="iban" label="IBAN du compte à débiter" required autoComplete="off" state={state} hint="27 caractères pour un compte français, par exemple FR14 2004 1010 0505 0001 3M02 606 (espaces permis)." />
      <TextField name="bic" label="BIC de la banque" required autoComplete="off" state={state} hint="8 ou 11 caractères, par exemple BNPAFRPP." />
      {hasMandate && <p className="text-sm">Le nouveau mandat remplacera le mandat actuel.</p>}
      <button type="submit" disabled={pending} className={`${buttonClass} sm:self-start`}>
        {pending ? 'Enregistrement…' : 'Enregistrer le mandat'}
      </button>
    </form>
  );
}
