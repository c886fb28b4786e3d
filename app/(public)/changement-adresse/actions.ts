'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import type { ActionState } from '@/lib/auth/authed-action';
import { confirmEmailChange } from '@/lib/auth/account';
import { currentRequestInfo } from '@/lib/auth/current';

const problems = {
  expired: 'Ce lien a expiré (il était valable 24 heures). Refaites la demande depuis votre compte.',
  used: 'Ce lien a déjà servi.',
  unknown: 'Ce lien n’est pas valable.',
  unavailable: 'Cette adresse ne peut pas devenir votre identifiant. Refaites la demande avec une autre adresse.',
} as const;

/**
 * Confirms the new address. A button press rather than the link itself, because mail scanners open
 * links: the token proves control of the new mailbox; the password was checked when the change was asked.
 */
export async function confirmEmailChangeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const token = String(formData.get('token') ?? '').slice(0, 200);
  const { ip, userAgent } = await currentRequestInfo();
  const result = await confirmEmailChange(await getDb(), { token, ip, userAgent });
  if (!result.ok) return { ok: false, message: problems[result.reason] };
  redirect('/connexion?etat=adresse-modifiee');
}
