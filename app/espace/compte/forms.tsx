'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/auth/authed-action';
import { FormMessage, SubmitButton, TextField } from '../../_components/form-controls';
import {
  changePasswordAction,
  disableTotpAction,
  regenerateRecoveryCodesAction,
  requestEmailChangeAction,
  revokeOtherSessionsAction,
} from './actions';
import { RecoveryCodes } from './recovery-codes';

function errorsOf(state: ActionState<unknown>) {
  return state?.ok === false ? (state.fieldErrors ?? {}) : {};
}

export function EmailChangeForm({ currentEmail }: { currentEmail: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(requestEmailChangeAction, null);
  const errors = errorsOf(state);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage ok={state?.ok} message={state?.message} />
      <input type="hidden" name="username" autoComplete="username" value={currentEmail} />
      <TextField
        id="newEmail"
        label="Nouvelle adresse électronique"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.ok === false ? state.values?.newEmail : undefined}
        error={errors.newEmail}
      />
      <TextField
        id="email-password"
        name="password"
        label="Mot de passe actuel"
        hint="Pour confirmer que c’est bien vous."
        type="password"
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <SubmitButton pending={pending} pendingLabel="Envoi…" variant="secondary">Changer d’adresse</SubmitButton>
    </form>
  );
}

export function PasswordChangeForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, null);
  const errors = errorsOf(state);
  return (
    // `key` empties the fields once the change succeeded.
    <form key={state?.ok ? 'done' : 'form'} action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage ok={state?.ok} message={state?.message} />
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField id="currentPassword" label="Mot de passe actuel" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <TextField
        id="newPassword"
        label="Nouveau mot de passe"
        hint="Au moins 12 caractères ; une phrase de plusieurs mots est plus facile à retenir et plus difficile à deviner. Vos autres sessions seront fermées."
        type="password"
        autoComplete="new-password"
        required
        error={errors.newPassword}
      />
      <TextField id="confirmation" label="Confirmation du nouveau mot de passe" type="password" autoComplete="new-password" required error={errors.confirmation} />
      <SubmitButton pending={pending} pendingLabel="Enregistrement…" variant="secondary">Changer le mot de passe</SubmitButton>
    </form>
  );
}

export function RevokeOtherSessionsForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeOtherSessionsAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage ok={state?.ok} message={state?.message} />
      <div>
        <SubmitButton pending={pending} pendingLabel="Déconnexion…" variant="secondary">Déconnecter mes autres sessions</SubmitButton>
      </div>
    </form>
  );
}

export function RegenerateRecoveryCodesForm() {
  const [state, action, pending] = useActionState<ActionState<{ recoveryCodes: string[] }>, FormData>(regenerateRecoveryCodesAction, null);
  if (state?.ok && state.data) {
    return (
      <div className="flex flex-col gap-3">
        <FormMessage ok message={state.message} />
        <RecoveryCodes codes={state.data.recoveryCodes} />
      </div>
    );
  }
  const errors = errorsOf(state);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage ok={state?.ok} message={state?.message} />
      <TextField id="codes-password" name="password" label="Mot de passe actuel" type="password" autoComplete="current-password" required error={errors.password} />
      <SubmitButton pending={pending} pendingLabel="Création…" variant="secondary">Créer de nouveaux codes de secours</SubmitButton>
    </form>
  );
}

export function DisableTotpForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(disableTotpAction, null);
  const errors = errorsOf(state);
  if (state?.ok) return <FormMessage ok message={state.message} />;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage ok={state?.ok} message={state?.message} />
      <TextField id="disable-password" name="password" label="Mot de passe actuel" type="password" autoComplete="current-password" required error={errors.password} />
      <SubmitButton pending={pending} pendingLabel="Désactivation…" variant="secondary">Désactiver la double authentification</SubmitButton>
    </form>
  );
}
