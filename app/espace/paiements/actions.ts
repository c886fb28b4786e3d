'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { areaAction } from '@/lib/access/action';
import { auditActor } from '@/lib/access/context';
import { attempt } from '@/lib/access/result';
import { formatEuros } from '@/lib/format';
import { getMandatePdf } from '@/lib/payments/documents';
import { confirmPayment, registerMandate } from '@/lib/payments/mutations';
import { getDebitState } from '@/lib/payments/queries';
import { formatPeriod, transferReference } from '@/lib/payments/rules';
import { confirmPaymentSchema, registerMandateSchema } from '@/lib/payments/schemas';

// « Paiements »: thin actions; areaAction checks the right (paiements, saisie) against the database first.

const PAGE = '/espace/paiements';

export const confirmPaymentAction = areaAction({ area: 'payments', level: 'write' }, confirmPaymentSchema, async (input, ctx) => {
  const db = await getDb();
  const { membershipNumber } = await getDebitState(db, ctx.company.id);
  const reference = input.method === 'transfer' ? transferReference(membershipNumber ?? ctx.company.siret, input.period) : null;
  const result = await attempt(async () =>
    confirmPayment(db, {
      companyId: ctx.company.id,
      period: input.period,
      amountCents: input.amount,
      method: input.method,
      idempotencyKey: input.idempotencyKey,
      reference,
      actor: await auditActor(ctx, ctx.company.id),
    }),
  );
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.field ? { [result.field]: result.message } : undefined };
  revalidatePath(PAGE);
  return {
    ok: true,
    message: `Paiement de ${formatEuros(input.amount)} pour ${formatPeriod(input.period)} confirmé. Il sera compté comme reçu dès que la caisse l’aura enregistré.`,
  };
});

export const registerMandateAction = areaAction({ area: 'payments', level: 'write' }, registerMandateSchema, async (input, ctx) => {
  const db = await getDb();
  const result = await attempt(async () => registerMandate(db, { companyId: ctx.company.id, ...input, actor: await auditActor(ctx, ctx.company.id) }));
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.field ? { [result.field]: result.message } : undefined };
  // The PDF to sign is produced now, so it is in « Mes documents » at once.
  await getMandatePdf(db, { companyId: ctx.company.id, mandateId: result.value.id, userId: ctx.session.userId });
  revalidatePath(PAGE);
  redirect(`${PAGE}?mandat=enregistre#mode-de-paiement`);
});
