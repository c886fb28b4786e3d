'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { SignInRefused, signIn } from '@/lib/auth/auth';
import { retryDelayText } from '@/lib/auth/authed-action';
import { getSessionAnyGate } from '@/lib/auth/current';
import { revokeSession } from '@/lib/auth/sessions';
import { findUserIdByEmail } from '@/lib/auth/sign-in';
import { hasTotpEnabled } from '@/lib/auth/two-factor';

const loginSchema = z.object({
  email: z.string().trim().min(1, 'Indiquez votre adresse électronique.').max(254, 'Adresse électronique trop longue.'),
  password: z.string().min(1, 'Indiquez votre mot de passe.').max(1024, 'Mot de passe trop long.'),
});

export type LoginState = { message?: string; fieldErrors?: Partial<Record<'email' | 'password', string>>; email?: string } | null;

function refusalMessage(err: AuthError): string {
  if (err instanceof SignInRefused) {
    if (err.code === 'throttled_account') {
      return `Trop de tentatives de connexion avec cette adresse. Par sécurité, ${retryDelayText(err.retryAfterSeconds)}, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ? ».`;
    }
    if (err.code === 'throttled_ip') return `Trop de tentatives de connexion depuis votre réseau. Par sécurité, ${retryDelayText(err.retryAfterSeconds)}.`;
  }
  return 'Adresse électronique ou mot de passe incorrect.';
}

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse({ email: formData.get('email') ?? '', password: formData.get('password') ?? '' });
  const email = String(formData.get('email') ?? '').slice(0, 254);
  if (!parsed.success) {
    const fieldErrors: NonNullable<LoginState>['fieldErrors'] = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as 'email' | 'password'] ??= issue.message;
    return { fieldErrors, email };
  }
  const previous = await getSessionAnyGate();
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (err) {
    // Only Auth.js errors are answers; anything else must propagate.
    if (err instanceof AuthError) return { message: refusalMessage(err), email };
    throw err;
  }
  const db = await getDb();
  // The new session replaces this browser's previous one (if any), which must not stay usable elsewhere.
  if (previous) await revokeSession(db, previous.sessionId, 'replaced_at_sign_in');
  const userId = await findUserIdByEmail(db, parsed.data.email);
  redirect(userId && (await hasTotpEnabled(db, userId)) ? '/connexion/verification' : '/espace');
}
