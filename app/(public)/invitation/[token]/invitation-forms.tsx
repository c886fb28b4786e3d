'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/access/schemas';
import { buttonClass, FormMessage, TextField } from '../../../espace/_components/form-bits';
import { acceptInvitationAction, linkInvitationAction } from './actions';

export function NewAccountForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(acceptInvitationAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the identifier that goes with the new password. */}
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="firstName" label="Prénom" required autoComplete="given-name" state={state} />
        <TextField name="lastName" label="Nom" required autoComplete="family-name" state={state} />
      </div>
      <TextField name="password" label="Mot de passe" type="password" required autoComplete="new-password" state={state} hint="Au moins 12 caractères." />
      <TextField name="passwordConfirmation" label="Confirmation du mot de passe" type="password" required autoComplete="new-password" state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Création…' : 'Créer mon accès et rejoindre l’espace'}
      </button>
    </form>
  );
}

export function LinkAccountForm({ token, email, isSignedInAsInvitee }: { token: string; email: string; isSignedInAsInvitee: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(linkInvitationAction, null);
  if (state?.ok)
    return (
      <div className="flex flex-col gap-3">
        <FormMessage state={state} />
        <Link href={isSignedInAsInvitee ? '/espace' : '/connexion'} className={buttonClass}>
          {isSignedInAsInvitee ? 'Aller à mon Espace sécurisé' : 'Me connecter'}
        </Link>
      </div>
    );
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      {isSignedInAsInvitee ? (
        <p>Vous êtes connecté avec ce compte.</p>
      ) : (
        <>
          <input type="hidden" name="username" value={email} autoComplete="username" />
          <TextField name="password" label={`Mot de passe du compte ${email}`} type="password" required autoComplete="current-password" state={state} />
        </>
      )}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Rattachement…' : 'Rattacher mon compte'}
      </button>
    </form>
  );
}
