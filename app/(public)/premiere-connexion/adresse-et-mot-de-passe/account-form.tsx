'use client';

import { useActionState, useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-limits';
import { accountAction, type WizardFormState } from '../actions';
import { ErrorSummary, summaryErrors } from '../_components/error-summary';
import { PasswordField } from '../_components/password-field';
import { SubmitButton } from '../_components/submit-button';
import { TextField } from '../_components/text-field';

const fields = ['email', 'emailConfirmation', 'password', 'passwordConfirmation'];

export function AccountForm({ defaults, userInputs }: { defaults: { email: string; emailConfirmation: string }; userInputs: string[] }) {
  const [state, action] = useActionState<WizardFormState, FormData>(accountAction, null);
  const values = state?.values ?? defaults;
  const fe = state?.fieldErrors;
  // The meter also refuses the address being typed (kept in sync with the field below).
  const [email, setEmail] = useState(values.email ?? '');
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <ErrorSummary message={state?.message} errors={summaryErrors(fields, fe)} />
      <TextField
        id="email"
        label="Adresse électronique"
        hint="Elle deviendra votre identifiant de connexion. Un lien de confirmation y sera envoyé."
        error={fe?.email}
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        defaultValue={values.email}
        onChange={(e) => setEmail(e.target.value)}
        required
      />
      <TextField
        id="emailConfirmation"
        label="Confirmation de l’adresse électronique"
        hint="Saisissez-la une seconde fois."
        error={fe?.emailConfirmation}
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        defaultValue={values.emailConfirmation}
        required
      />
      <PasswordField
        id="password"
        label="Mot de passe"
        hint={`Au moins ${MIN_PASSWORD_LENGTH} caractères. Pas de règle imposée : une phrase de plusieurs mots sans rapport entre eux est idéale. Évitez le nom ou le SIRET de l’entreprise.`}
        error={fe?.password}
        autoComplete="new-password"
        userInputs={[...userInputs, email]}
        withMeter
      />
      <PasswordField
        id="passwordConfirmation"
        label="Confirmation du mot de passe"
        hint="Saisissez-le une seconde fois."
        error={fe?.passwordConfirmation}
        autoComplete="new-password"
      />
      <div>
        <SubmitButton pendingLabel="Enregistrement…">Continuer</SubmitButton>
      </div>
    </form>
  );
}
