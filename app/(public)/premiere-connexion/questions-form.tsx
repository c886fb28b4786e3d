'use client';

import { useActionState } from 'react';
import { questionsAction, type WizardFormState } from './actions';
import { ErrorSummary, summaryErrors } from './_components/error-summary';
import { SubmitButton } from './_components/submit-button';

type Choice = { value: string; label: string; hint?: string };

function RadioGroup({
  name,
  legend,
  choices,
  defaultValue,
  error,
}: {
  name: string;
  legend: string;
  choices: Choice[];
  defaultValue?: string;
  error?: string;
}) {
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${name}-erreur` : undefined}>
      <legend className="mb-2 text-lg font-semibold">{legend}</legend>
      {error && (
        <p id={`${name}-erreur`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      {choices.map((c, i) => (
        <label
          key={c.value}
          className={`flex min-h-11 cursor-pointer items-start gap-3 rounded border p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-light ${error ? 'border-red-700' : 'border-slate-400'}`}
        >
          <input
            type="radio"
            name={name}
            value={c.value}
            // The summary's link targets the first choice.
            id={i === 0 ? name : undefined}
            defaultChecked={defaultValue === c.value}
            required
            className="mt-1 h-5 w-5 shrink-0 accent-brand"
          />
          <span>
            <span className="font-semibold">{c.label}</span>
            {c.hint && <span className="block text-sm text-muted">{c.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function QuestionsForm({ defaults }: { defaults: { organisationKind?: string; hasLetters?: string } }) {
  const [state, action] = useActionState<WizardFormState, FormData>(questionsAction, null);
  const values = state?.values ?? defaults;
  const errors = summaryErrors(['organisationKind', 'hasLetters'], state?.fieldErrors);
  return (
    <form action={action} noValidate className="flex flex-col gap-6">
      <ErrorSummary errors={errors} />
      <RadioGroup
        name="organisationKind"
        legend="Vous êtes :"
        defaultValue={values.organisationKind}
        error={state?.fieldErrors?.organisationKind}
        choices={[
          { value: 'company', label: 'Une entreprise adhérente', hint: 'Vous déclarez vos salariés à la caisse.' },
          {
            value: 'accounting_firm',
            label: 'Un cabinet comptable / tiers-déclarant',
            hint: 'Vous créez l’espace de votre cabinet avec les courriers qu’il a reçus.',
          },
        ]}
      />
      <RadioGroup
        name="hasLetters"
        legend="Avez-vous les deux courriers (identifiant et code confidentiel) ?"
        defaultValue={values.hasLetters}
        error={state?.fieldErrors?.hasLetters}
        choices={[
          { value: 'oui', label: 'Oui, j’ai les deux courriers' },
          { value: 'non', label: 'Non, il m’en manque au moins un' },
        ]}
      />
      <div>
        <SubmitButton pendingLabel="Enregistrement…">Continuer</SubmitButton>
      </div>
    </form>
  );
}
