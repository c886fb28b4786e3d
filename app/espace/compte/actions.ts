'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { changePassword, requestEmailChange, revokeOtherSessions } from '@/lib/auth/account';
import { authedAction, retryDelayText } from '@/lib/auth/authed-action';
import { confirmTotpEnrolment, disableTotp, regenerateRecoveryCodes } from '@/lib/auth/two-factor';

const tooManyPasswordErrors = (seconds?: number) => `Trop de mots de passe incorrects. Par sécurité, ${retryDelayText(seconds)}.`;
const wrongPassword = 'Ce n’est pas votre mot de passe actuel.';

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Indiquez votre mot de passe actuel.').max(1024, 'Mot de passe trop long.'),
    newPassword: z.string().min(1, 'Choisissez un nouveau mot de passe.').max(1024, 'Mot de passe trop long.'),
    confirmation: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmation, { path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques.' });

export const changePasswordAction = authedAction(changePasswordSchema, async ({ session, db, ip, userAgent }, input) => {
  const result = await changePassword(db, {
    userId: session.userId,
    sessionId: session.sessionId,
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
    ip,
    userAgent,
  });
  if (!result.ok) {
    if (result.code === 'throttled') return { ok: false, message: tooManyPasswordErrors(result.retryAfterSeconds) };
    if (result.code === 'wrong_password') return { ok: false, fieldErrors: { currentPassword: wrongPassword } };
    return { ok: false, fieldErrors: { newPassword: result.message } };
  }
  revalidatePath('/espace/compte');
  const others = result.revokedSessions;
  return {
    ok: true,
    message: `Votre mot de passe est modifié.${others ? ` ${others === 1 ? 'Votre autre session a été fermée' : `Vos ${others} autres sessions ont été fermées`}.` : ''}`,
  };
});

const emailChangeSchema = z.object({
  newEmail: z.string().trim().min(1, 'Indiquez la nouvelle adresse.').max(254, 'Adresse trop longue.').pipe(z.email('Cette adresse électronique n’est pas valide.')),
  password: z.string().min(1, 'Indiquez votre mot de passe actuel.').max(1024, 'Mot de passe trop long.'),
});

export const requestEmailChangeAction = authedAction(emailChangeSchema, async ({ session, db, ip, userAgent }, input) => {
  const result = await requestEmailChange(db, { userId: session.userId, password: input.password, newEmail: input.newEmail, ip, userAgent });
  if (!result.ok) {
    if (result.code === 'throttled') return { ok: false, message: `Trop de demandes. Par sécurité, ${retryDelayText(result.retryAfterSeconds)}.` };
    if (result.code === 'wrong_password') return { ok: false, fieldErrors: { password: wrongPassword } };
    return { ok: false, fieldErrors: { newEmail: 'C’est déjà votre adresse actuelle.' } };
  }
  revalidatePath('/espace/compte');
  return {
    ok: true,
    message: `Un lien de confirmation a été envoyé à ${input.newEmail.trim().toLowerCase()} (valable 24 heures). Votre adresse actuelle reste votre identifiant tant que ce lien n’a pas été ouvert ; elle a reçu un avis de cette demande.`,
  };
});

export const revokeOtherSessionsAction = authedAction(z.object({}), async ({ session, db, ip, userAgent }) => {
  const revoked = await revokeOtherSessions(db, { userId: session.userId, sessionId: session.sessionId, ip, userAgent });
  revalidatePath('/espace/compte');
  return { ok: true, message: revoked ? `${revoked} autre${revoked > 1 ? 's' : ''} session${revoked > 1 ? 's' : ''} fermée${revoked > 1 ? 's' : ''}.` : 'Aucune autre session n’était ouverte.' };
});

const passwordOnlySchema = z.object({ password: z.string().min(1, 'Indiquez votre mot de passe actuel.').max(1024, 'Mot de passe trop long.') });

export const disableTotpAction = authedAction(passwordOnlySchema, async ({ session, db, ip, userAgent }, input) => {
  const result = await disableTotp(db, { userId: session.userId, password: input.password, ip, userAgent });
  if (!result.ok) {
    if (result.code === 'throttled') return { ok: false, message: tooManyPasswordErrors(result.retryAfterSeconds) };
    if (result.code === 'wrong_password') return { ok: false, fieldErrors: { password: wrongPassword } };
    if (result.code === 'required_for_staff') return { ok: false, message: 'La double authentification est obligatoire pour les comptes de la caisse.' };
    return { ok: false, message: 'La double authentification n’était pas activée.' };
  }
  revalidatePath('/espace/compte');
  return { ok: true, message: 'La double authentification est désactivée. Vos codes de secours ne sont plus valables.' };
});

export const regenerateRecoveryCodesAction = authedAction<typeof passwordOnlySchema, { recoveryCodes: string[] }>(
  passwordOnlySchema,
  async ({ session, db, ip, userAgent }, input) => {
    const result = await regenerateRecoveryCodes(db, { userId: session.userId, password: input.password, ip, userAgent });
    if (!result.ok) {
      if (result.code === 'throttled') return { ok: false, message: tooManyPasswordErrors(result.retryAfterSeconds) };
      if (result.code === 'wrong_password') return { ok: false, fieldErrors: { password: wrongPassword } };
      return { ok: false, message: 'La double authentification n’est pas activée.' };
    }
    return { ok: true, message: 'Voici vos nouveaux codes de secours ; les anciens ne sont plus valables.', data: { recoveryCodes: result.recoveryCodes } };
  },
);

const enrolSchema = z.object({ code: z.string().trim().min(1, 'Indiquez le code affiché par votre application.').max(20, 'Code trop long.') });

/** Confirms the enrolment (also for caisse staff sent here before anything else). */
export const confirmTotpEnrolmentAction = authedAction<typeof enrolSchema, { recoveryCodes: string[] }>(
  enrolSchema,
  async ({ session, db, ip, userAgent }, input) => {
    const result = await confirmTotpEnrolment(db, { userId: session.userId, sessionId: session.sessionId, code: input.code, ip, userAgent });
    if (!result.ok) {
      if (result.code === 'throttled') return { ok: false, message: `Trop de codes incorrects. Par sécurité, ${retryDelayText(result.retryAfterSeconds)}.` };
      if (result.code === 'not_enrolled') return { ok: false, message: 'La double authentification est déjà activée, ou la demande a expiré : rechargez la page.' };
      return { ok: false, fieldErrors: { code: 'Ce code ne correspond pas. Vérifiez l’heure de votre téléphone et saisissez le code affiché maintenant.' } };
    }
    return { ok: true, data: { recoveryCodes: result.recoveryCodes } };
  },
  { allow: ['mfa_enrolment_required'] },
);
