import { z } from 'zod';
import { checkBic, checkIban, parseAmountCents } from './rules';

// Forms of the payments page (importable by client components: no I/O).

export const paymentMethodLabels = { sepa_debit: 'Prélèvement SEPA', transfer: 'Virement' } as const;

export const confirmPaymentSchema = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, 'Choisissez le mois payé.'),
  amount: z.string().transform((v, ctx) => {
    const cents = parseAmountCents(v);
    if (cents === null || cents <= 0) {
      ctx.addIssue({ code: 'custom', message: v.trim() ? 'Montant invalide : en euros, par exemple 1234,56.' : 'Indiquez le montant payé.' });
      return z.NEVER;
    }
    return cents;
  }),
  method: z.enum(['sepa_debit', 'transfer'], 'Choisissez le mode de paiement.'),
  idempotencyKey: z.uuid('Formulaire expiré : rechargez la page.'),
});
export type ConfirmPaymentInput = z.output<typeof confirmPaymentSchema>;

export const registerMandateSchema = z
  .object({ iban: z.string().max(60, 'IBAN trop long.'), bic: z.string().max(20, 'BIC trop long.') })
  .transform((v, ctx) => {
    const iban = checkIban(v.iban);
    if (!iban.ok) ctx.addIssue({ code: 'custom', path: ['iban'], message: iban.message });
    const bic = checkBic(v.bic, iban.ok ? iban.iban : undefined);
    if (!bic.ok) ctx.addIssue({ code: 'custom', path: ['bic'], message: bic.message });
    if (!iban.ok || !bic.ok) return z.NEVER;
    return { iban: iban.iban, bic: bic.bic };
  });
export type RegisterMandateInput = z.output<typeof registerMandateSchema>;
