'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/auth/authed-action';
import { FormMessage, SubmitButton, TextField } from '../../../_components/form-controls';
import { confirmTotpEnrolmentAction } from '../actions';
import { RecoveryCodes } from '../recovery-codes';

export function TotpEnrolment({ qrDataUrl, manualKey }: { qrDataUrl: string; manualKey: string }) {
  const [state, action, pending] = useActionState<ActionState<{ recoveryCodes: string[] }>, FormData>(confirmTotpEnrolmentAction, null);

  if (state?.ok && state.data) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage ok message="La double authentification est activée." />
        <RecoveryCodes codes={state.data.recoveryCodes} />
        <p>
          <Link href="/espace" className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-bold text-white hover:bg-brand-dark">
            J’ai noté mes codes : continuer vers mon espace
          </Link>
        </p>
      </div>
    );
  }

  return (
    <ol className="flex flex-col gap-6">
      <li className="flex flex-col gap-3">
        <h2 className="text-xl font-bold">1. Installez une application d’authentification</h2>
        <p>Par exemple Google Authenticator, Microsoft Authenticator, FreeOTP ou l’application de votre gestionnaire de mots de passe.</p>
      </li>
      <li className="flex flex-col gap-3">
        <h2 className="text-xl font-bold">2. Scannez ce QR code avec l’application</h2>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated per user, nothing to optimise */}
        <img src={qrDataUrl} width={220} height={220} alt="QR code à scanner avec votre application d’authentification" className="rounded border border-slate-200" />
        <p id="aide-cle">Impossible de scanner ? Saisissez cette clé dans l’application (type « basé sur le temps ») :</p>
        <p>
          <code id="cle-manuelle" aria-describedby="aide-cle" className="inline-block break-all rounded bg-slate-100 px-2 py-1 font-mono text-lg">
            {manualKey}
          </code>
        </p>
      </li>
      <li className="flex flex-col gap-3">
        <h2 className="text-xl font-bold">3. Saisissez le code affiché par l’application</h2>
        <form action={action} className="flex max-w-sm flex-col gap-4" noValidate>
          <FormMessage ok={state?.ok} message={state?.message} />
          <TextField
            id="code"
            label="Code de vérification"
            hint="6 chiffres, renouvelés toutes les 30 secondes."
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            required
            error={state?.ok === false ? state.fieldErrors?.code : undefined}
          />
          <SubmitButton pending={pending} pendingLabel="Vérification…">Activer</SubmitButton>
        </form>
      </li>
    </ol>
  );
}
