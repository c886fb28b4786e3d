'use server';

import { after } from 'next/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { echoedValues, fieldErrorsOf, retryDelayText, type ActionState } from '@/lib/auth/authed-action';
import { currentRequestInfo } from '@/lib/auth/current';
import { requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';

const requestSchema = z.object({
  email: z.string().trim().min(1, 'Indiquez votre adresse électronique.').max(254, 'Adresse électronique trop longue.').pipe(z.email('Cette adresse électronique n’est pas valide.')),
});

/** The same words for every address, existing or not. */
const resetRequestedMessage =
  'Si un compte correspond à cette adresse, un courriel vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien est valable une heure. Pensez à regarder dans les courriers indésirables.';

export async function requestPasswordResetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = requestSchema.safeParse({ email: formData.get('email') ?? '' });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: echoedValues(formData) };
  const { ip, userAgent } = await currentRequestInfo();
  const db = await getDb();
  const request = await requestPasswordReset(db, { email: parsed.data.email, ip, userAgent });
  if (request.status === 'throttled') {
    return { ok: false, message: `Trop de demandes de réinitialisation. Par sécurité, ${retryDelayText(request.retryAfterSeconds)}.`, values: echoedValues(formData) };
  }
  // Looking the account up and writing the email happen after the answer is sent: its timing says nothing.
  after(request.deliver);
  return { ok: true, message: resetRequestedMessage };
}

const resetSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: z.string().min(1, 'Choisissez un nouveau mot de passe.').max(1024, 'Mot de passe trop long.'),
    confirmation: z.string(),
  })
  .refine((v) => v.password === v.confirmation, { path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques.' });

const linkProblems = {
  expired: 'Ce lien a expiré (il était valable une heure). Faites une nouvelle demande.',
  used: 'Ce lien a déjà servi. Faites une nouvelle demande si besoin.',
  unknown: 'Ce lien n’est pas valable. Faites une nouvelle demande.',
} as const;

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = resetSchema.safeParse({
    token: formData.get('token') ?? '',
    password: formData.get('password') ?? '',
    confirmation: formData.get('confirmation') ?? '',
  });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { ip, userAgent } = await currentRequestInfo();
  const result = await resetPassword(await getDb(), { token: parsed.data.token, newPassword: parsed.data.password, ip, userAgent });
  if (!result.ok) {
    if (result.reason === 'weak') return { ok: false, fieldErrors: { password: result.message } };
    return { ok: false, message: linkProblems[result.reason] };
  }
  redirect('/connexion?etat=mot-de-passe-modifie');
}
