'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authedAction, retryDelayText } from '@/lib/auth/authed-action';
import { verifySecondFactor } from '@/lib/auth/two-factor';

const verificationSchema = z.object({
  code: z.string().trim().min(1, 'Indiquez le code de vérification.').max(40, 'Code trop long.'),
});

/** Second step of sign-in: the TOTP code or a recovery code makes the pending session usable. */
export const verifySecondFactorAction = authedAction(
  verificationSchema,
  async ({ session, db, ip, userAgent }, { code }) => {
    const result = await verifySecondFactor(db, { userId: session.userId, sessionId: session.sessionId, code, ip, userAgent });
    if (!result.ok) {
      if (result.code === 'throttled') {
        return { ok: false, message: `Trop de codes incorrects. Par sécurité, ${retryDelayText(result.retryAfterSeconds)}.` };
      }
      return { ok: false, fieldErrors: { code: 'Ce code n’est pas valable. Vérifiez l’heure de votre téléphone et saisissez le code affiché maintenant, ou un code de secours.' } };
    }
    redirect(result.method === 'recovery_code' ? `/espace?codes-de-secours=${result.recoveryCodesLeft}` : '/espace');
  },
  { allow: ['mfa_pending'] },
);
