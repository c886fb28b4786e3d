'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { identifyAction, type WizardFormState } from '../actions';
import { ErrorSummary, summaryErrors } from '../_components/error-summary';
import { SubmitButton } from '../_components/submit-button';
import { TextField } from '../_components/text-field';

const fields = ['siret', 'identifier', 'code'];

export function IdentificationForm({ defaults }: { defaults: { siret: string } }) {
  const [state, action] = useActionState<WizardFormState, FormData>(identifyAction, null);
  const values: Record<string, string | undefined> = state?.values ?? defaults;
  const fe = state?.fieldErrors;
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <ErrorSummary message={state?.message} errors={summaryErrors(fields, fe)}>
        {state?.help === 'new-letters' && (
          <p className="mt-2">
            <Link className="font-semibold text-red-900 underline" href="/premiere-connexion/sans-courriers">
              Comment obtenir de nouveaux courriers
            </Link>
          </p>
        )}
        {state?.help === 'sign-in' && (
          <p className="mt-2">
            <Link className="font-semibold text-red-900 underline" href="/connexion">
              Se connecter
            </Link>{' '}
            ·{' '}
            <Link className="font-semibold text-red-900 underline" href="/mot-de-passe-oublie">
              Mot de passe oublié ?
            </Link>
          </p>
        )}
      </ErrorSummary>
      <TextField
        id="siret"
        label="Numéro SIRET"
        hint="14 chiffres, avec ou sans espaces (par exemple 123 456 789 00012)."
        error={fe?.siret}
        defaultValue={values.siret}
        inputMode="numeric"
        autoComplete="off"
        required
      />
      <TextField
        id="identifier"
        label="Identifiant"
        hint="Indiqué sur le courrier n° 1 (par exemple GE-2026-000123)."
        error={fe?.identifier}
        defaultValue={values.identifier}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
      <TextField
        id="code"
        label="Code confidentiel"
        hint="Indiqué sur le courrier n° 2 : 8 lettres et chiffres, avec ou sans tiret."
        error={fe?.code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
      <div>
        <SubmitButton pendingLabel="Vérification…">Vérifier mes courriers</SubmitButton>
      </div>
    </form>
  );
}
