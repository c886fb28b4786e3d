'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { loginAction, type LoginState } from './actions';

export function LoginForm() {
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, null);
  return (
    <form action={action} className="mt-4 flex flex-col gap-4" noValidate>
      {state?.message && (
        <p className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-800" role="alert">
          {state.message}
        </p>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="font-semibold">Adresse électronique</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state?.email}
          aria-invalid={state?.fieldErrors?.email ? true : undefined}
          aria-describedby={state?.fieldErrors?.email ? 'email-error' : undefined}
          className="min-h-11 rounded border border-slate-500 px-3"
        />
        {state?.fieldErrors?.email && <p id="email-error" className="text-sm text-red-800">{state.fieldErrors.email}</p>}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-semibold">Mot de passe</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state?.fieldErrors?.password ? true : undefined}
          aria-describedby={state?.fieldErrors?.password ? 'password-error' : undefined}
          className="min-h-11 rounded border border-slate-500 px-3"
        />
        {state?.fieldErrors?.password && <p id="password-error" className="text-sm text-red-800">{state.fieldErrors.password}</p>}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand px-4 font-bold text-white hover:bg-brand-dark disabled:opacity-70">
        {pending ? 'Connexion…' : 'Se connecter'}
      </button>
      <Link href="/mot-de-passe-oublie" className="text-brand underline">Mot de passe oublié ?</Link>
    </form>
  );
}
