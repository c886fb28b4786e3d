'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { acceptInvitationAsNewUser, acceptInvitationForExistingUser, getInvitation } from '@/lib/access/mutations';
import { acceptInvitationSchema, fieldErrorsOf, linkInvitationSchema, type ActionState } from '@/lib/access/schemas';
import { signIn } from '@/lib/auth/auth';
import { getCurrentSession } from '@/lib/auth/current';
import { requestInfo } from '@/lib/auth/request-info';
import { checkPassword } from '@/lib/auth/sign-in';
import { sha256 } from '@/lib/auth/tokens';
import { hitRateLimit } from '@/lib/rate-limit';

// The invitation link is the credential here (single use, 7 days): these actions are public, and each
// checks the link itself; linking an existing account also needs that account (session or password).

/** No account yet: choose a password, then be signed in (by a single-use login token). */
export async function acceptInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(formData));
  const values = { firstName: String(formData.get('firstName') ?? ''), lastName: String(formData.get('lastName') ?? '') };
  if (!parsed.success) return { ok: false, message: 'Vérifiez les informations signalées.', fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await acceptInvitationAsNewUser(await getDb(), parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.field ? { [result.field]: result.message } : undefined, values };
  try {
    await signIn('credentials', { loginToken: result.value.loginToken, redirectTo: '/espace' });
  } catch (err) {
    if (err instanceof AuthError) return { ok: true, message: 'Votre compte est créé. Connectez-vous avec votre adresse et votre mot de passe.' };
    throw err;
  }
  return null;
}

/** Already an account: signed in as it, or proves it with its password. Then the link is consumed. */
export async function linkInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = linkInvitationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: 'Ce lien d’invitation n’est pas valide.' };
  const db = await getDb();
  const invitation = await getInvitation(db, parsed.data.token);
  if (invitation.status !== 'valid') return { ok: false, message: 'Ce lien d’invitation n’est plus valable : demandez une nouvelle invitation.' };

  let userId: string | null = null;
  const session = await getCurrentSession();
  if (session && session.email === invitation.email) {
    userId = session.userId;
  } else {
    const { ip } = requestInfo(await headers());
    const perLink = await hitRateLimit(db, `invitation-link:${sha256(parsed.data.token).slice(0, 32)}`, { limit: 5, windowSeconds: 900 });
    const perIp = await hitRateLimit(db, `invitation-link-ip:${ip}`, { limit: 20, windowSeconds: 900 });
    if (!perLink.allowed || !perIp.allowed)
      return { ok: false, message: `Trop d’essais. Réessayez dans ${Math.ceil(Math.max(perLink.retryAfterSeconds, perIp.retryAfterSeconds) / 60)} minutes.` };
    if (!parsed.data.password) return { ok: false, message: 'Indiquez le mot de passe de votre compte.', fieldErrors: { password: 'Indiquez le mot de passe de votre compte.' } };
    const check = await checkPassword(db, invitation.email, parsed.data.password);
    if (!check.ok) return { ok: false, message: 'Mot de passe incorrect.', fieldErrors: { password: 'Mot de passe incorrect.' } };
    userId = check.userId;
  }
  const result = await acceptInvitationForExistingUser(db, { token: parsed.data.token, userId });
  if (!result.ok) return { ok: false, message: result.message };
  return {
    ok: true,
    message: session?.userId === userId
      ? `Votre compte est rattaché à l’espace de ${invitation.organisationName}.`
      : `Votre compte est rattaché à l’espace de ${invitation.organisationName}. Connectez-vous pour y accéder.`,
  };
}
