'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/auth/auth';

const loginSchema = z.object({
  email: z.string().trim().min(1, 'Indiquez votre adresse électronique.').max(254),
  password: z.string().min(1, 'Indiquez votre mot de passe.').max(1024),
});

export type LoginState = { message?: string; fieldErrors?: Partial<Record<'email' | 'password', string>>; email?: string } | null;

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse({ email: formData.get('email') ?? '', password: formData.get('password') ?? '' });
  const email = String(formData.get('email') ?? '');
  if (!parsed.success) {
    const fieldErrors: NonNullable<LoginState>['fieldErrors'] = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as 'email' | 'password'] ??= issue.message;
    return { fieldErrors, email };
  }
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: '/espace' });
  } catch (err) {
    // Only Auth.js errors are answers; anything else (NEXT_REDIRECT on success) must propagate.
    if (err instanceof AuthError) return { message: 'Adresse électronique ou mot de passe incorrect.', email };
    throw err;
  }
  return null;
}
