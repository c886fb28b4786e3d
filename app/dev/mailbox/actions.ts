'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { isDevMailboxEnabled, sendTestEmail } from '@/lib/mail/mailbox';

const sendTestSchema = z.object({ to: z.email('Adresse électronique invalide') });

export type SendTestState = { ok: boolean; message: string } | null;

export async function sendTestEmailAction(_prev: SendTestState, formData: FormData): Promise<SendTestState> {
  if (!isDevMailboxEnabled()) return { ok: false, message: 'Indisponible.' };
  const parsed = sendTestSchema.safeParse({ to: formData.get('to') });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Adresse invalide' };
  await sendTestEmail(await getDb(), parsed.data.to);
  revalidatePath('/dev/mailbox');
  return { ok: true, message: 'Message de test ajouté à la boîte.' };
}
