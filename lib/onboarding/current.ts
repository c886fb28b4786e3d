import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getEnv } from '@/lib/env';
import { redirectForStep, type WizardStepNumber } from './steps';
import { getWizard, WIZARD_TTL_MS, type WizardView } from './wizard';

// The wizard's cookie: an opaque random value (HttpOnly, SameSite=Lax), scoped to the wizard's pages.
export const WIZARD_COOKIE = 'espace_premiere_connexion';
const cookiePath = '/premiere-connexion';

export async function readWizardCookie(): Promise<string | undefined> {
  return (await cookies()).get(WIZARD_COOKIE)?.value;
}

/** Server actions only (pages cannot set cookies). Each step re-sets it, so it slides like the row. */
export async function setWizardCookie(value: string, expires = new Date(Date.now() + WIZARD_TTL_MS)): Promise<void> {
  (await cookies()).set(WIZARD_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().isProduction,
    path: cookiePath,
    expires,
  });
}

export async function clearWizardCookie(): Promise<void> {
  (await cookies()).set(WIZARD_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: getEnv().isProduction, path: cookiePath, maxAge: 0 });
}

export async function getCurrentWizard(): Promise<WizardView | null> {
  return getWizard(await getDb(), await readWizardCookie());
}

/**
 * For the step pages and their actions: the visitor's wizard, or a redirect to the step they reached
 * (a later step cannot be opened by typing its address; without a wizard, back to step 1).
 */
export async function requireWizardStep(step: Exclude<WizardStepNumber, 1>): Promise<WizardView> {
  const wizard = await getCurrentWizard();
  if (!wizard) redirect('/premiere-connexion');
  const to = redirectForStep(wizard.stepReached, step);
  if (to) redirect(to);
  return wizard;
}
