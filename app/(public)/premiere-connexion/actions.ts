'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { getDb } from '@/db';
import { signIn } from '@/lib/auth/auth';
import { requestInfo } from '@/lib/auth/request-info';
import { clearWizardCookie, readWizardCookie, requireWizardStep, setWizardCookie } from '@/lib/onboarding/current';
import { stepPath } from '@/lib/onboarding/steps';
import { activateAccount, identifyWithLetters, resendConfirmation, saveAccount, saveQuestions, type IdentifyResult } from '@/lib/onboarding/wizard';

// Thin actions: each reads the visitor's wizard from its cookie (never from the form), calls
// lib/onboarding, and redirects outside any try. Secrets typed (code, password) are never sent back.

export type WizardFormState = {
  message?: string;
  /** Which help to show under the message. */
  help?: 'new-letters' | 'sign-in';
  fieldErrors?: Partial<Record<string, string>>;
  /** What was typed, minus the secrets, to fill the form again. */
  values?: Record<string, string>;
} | null;

function text(formData: FormData, name: string): string | undefined {
  const v = formData.get(name);
  return typeof v === 'string' ? v : undefined;
}

async function meta() {
  return requestInfo(await headers());
}

export async function questionsAction(_prev: WizardFormState, formData: FormData): Promise<WizardFormState> {
  const answers = { organisationKind: text(formData, 'organisationKind') as never, hasLetters: text(formData, 'hasLetters') as never };
  const result = await saveQuestions(await getDb(), { cookieValue: await readWizardCookie(), answers });
  if (!result.ok) return { fieldErrors: result.fieldErrors, values: { organisationKind: answers.organisationKind ?? '', hasLetters: answers.hasLetters ?? '' } };
  await setWizardCookie(result.cookie.value, result.cookie.expiresAt);
  redirect(result.next === 'identification' ? stepPath(2) : '/premiere-connexion/sans-courriers');
}

const identifyMessages: Record<Exclude<IdentifyResult['status'], 'success' | 'invalid' | 'throttled'>, { message: string; help?: 'new-letters' | 'sign-in' }> = {
  mismatch: {
    message:
      'Ces informations ne correspondent pas à vos courriers. Vérifiez le numéro SIRET, l’identifiant (courrier n° 1) et le code confidentiel (courrier n° 2).',
  },
  locked: {
    message:
      'Par sécurité, vos courriers sont bloqués après 5 essais infructueux. Demandez de nouveaux courriers au site de la caisse qui gère votre département.',
    help: 'new-letters',
  },
  expired: { message: 'Ces courriers ont expiré : ils ne sont plus utilisables. Demandez de nouveaux courriers à la caisse.', help: 'new-letters' },
  superseded: {
    message: 'De nouveaux courriers vous ont été envoyés depuis : ceux-ci ne sont plus valables. Utilisez l’identifiant et le code des courriers les plus récents.',
    help: 'new-letters',
  },
  used: {
    message:
      'Ces courriers ont déjà servi à créer votre espace sécurisé et ne sont plus utilisables. Connectez-vous avec votre adresse électronique et votre mot de passe.',
    help: 'sign-in',
  },
  already_activated: {
    message: 'L’espace sécurisé de cette entreprise a déjà été créé. Connectez-vous, ou demandez à la personne qui l’a créé de vous donner accès.',
    help: 'sign-in',
  },
};

export async function identifyAction(_prev: WizardFormState, formData: FormData): Promise<WizardFormState> {
  const wizard = await requireWizardStep(2);
  const values = { siret: text(formData, 'siret') ?? '', identifier: text(formData, 'identifier') ?? '' };
  const result = await identifyWithLetters(await getDb(), {
    wizardId: wizard.id,
    values: { ...values, code: text(formData, 'code') ?? '' },
    meta: await meta(),
  });
  if (result.status === 'success') {
    const cookie = await readWizardCookie();
    if (cookie) await setWizardCookie(cookie);
    redirect(stepPath(3));
  }
  if (result.status === 'invalid') return { fieldErrors: result.fieldErrors, values };
  if (result.status === 'throttled') {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return { message: `Trop d’essais depuis votre connexion. Par sécurité, réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`, values };
  }
  return { ...identifyMessages[result.status], values };
}

export async function accountAction(_prev: WizardFormState, formData: FormData): Promise<WizardFormState> {
  const wizard = await requireWizardStep(3);
  const values = { email: text(formData, 'email') ?? '', emailConfirmation: text(formData, 'emailConfirmation') ?? '' };
  const result = await saveAccount(await getDb(), {
    wizardId: wizard.id,
    values: { ...values, password: text(formData, 'password') ?? '', passwordConfirmation: text(formData, 'passwordConfirmation') ?? '' },
    meta: await meta(),
  });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  const cookie = await readWizardCookie();
  if (cookie) await setWizardCookie(cookie);
  redirect(stepPath(4));
}

export type ResendState = { ok: boolean; message: string; at: number } | null;

export async function resendAction(): Promise<ResendState> {
  const wizard = await requireWizardStep(4);
  const result = await resendConfirmation(await getDb(), { wizardId: wizard.id, meta: await meta() });
  const at = Date.now();
  if (result.ok) return { ok: true, message: `Un nouveau courriel vient d’être envoyé à ${wizard.email}. Le lien du courriel précédent ne fonctionne plus.`, at };
  if (result.reason === 'cooldown')
    return { ok: false, message: `Un courriel vient d’être envoyé. Patientez ${result.retryAfterSeconds} secondes avant d’en demander un autre.`, at };
  if (result.reason === 'throttled') {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return { ok: false, message: `Vous avez demandé trois nouveaux courriels en une heure. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}, ou vérifiez l’adresse saisie.`, at };
  }
  return { ok: false, message: 'Complétez d’abord l’étape 3.', at };
}

export type ConfirmState = { message: string; help?: 'restart' | 'sign-in' } | null;

export async function confirmAction(_prev: ConfirmState, formData: FormData): Promise<ConfirmState> {
  const token = text(formData, 'token') ?? '';
  const result = await activateAccount(await getDb(), { token, meta: await meta() });
  if (result.status !== 'activated') {
    const answers: Record<typeof result.status, NonNullable<ConfirmState>> = {
      used: { message: 'Ce lien a déjà été utilisé ou remplacé par un lien plus récent.', help: 'sign-in' },
      expired: { message: 'Ce lien a expiré (il est valable 24 heures). Recommencez la création de votre espace : vos courriers restent valables.', help: 'restart' },
      unknown: { message: 'Ce lien n’est pas valide. Vérifiez que vous avez copié l’adresse complète du courriel.', help: 'restart' },
      letters_unavailable: { message: 'Vos courriers ne sont plus valables (expirés, bloqués ou remplacés). Demandez de nouveaux courriers à la caisse.', help: 'restart' },
      already_activated: { message: 'L’espace sécurisé de cette entreprise a déjà été créé.', help: 'sign-in' },
      email_taken: { message: 'Cette adresse électronique est entre-temps devenue celle d’un autre compte. Recommencez avec une autre adresse.', help: 'restart' },
    };
    return answers[result.status];
  }
  await clearWizardCookie();
  try {
    await signIn('credentials', { loginToken: result.loginToken, redirectTo: '/espace' });
  } catch (err) {
    // Only Auth.js errors are answers; NEXT_REDIRECT (the success) must propagate.
    if (err instanceof AuthError) return { message: 'Votre espace est créé. Connectez-vous avec votre adresse électronique et votre mot de passe.', help: 'sign-in' };
    throw err;
  }
  return null;
}
