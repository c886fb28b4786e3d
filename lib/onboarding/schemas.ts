import { z } from 'zod';
import { checkSiret } from '@/lib/companies/siret';
import { MAX_PASSWORD_LENGTH } from '@/lib/auth/password-limits';

// Input of each wizard step (importable by client code). Messages are what the visitor reads.

export const questionsSchema = z.object({
  organisationKind: z.enum(['company', 'accounting_firm'], {
    error: 'Indiquez si vous êtes une entreprise adhérente ou un cabinet comptable / tiers-déclarant.',
  }),
  hasLetters: z.enum(['oui', 'non'], { error: 'Indiquez si vous avez les deux courriers.' }).transform((v) => v === 'oui'),
});
export type QuestionsInput = z.input<typeof questionsSchema>;
export type Questions = z.output<typeof questionsSchema>;

export const identificationSchema = z.object({
  siret: z.string().transform((value, ctx) => {
    const checked = checkSiret(value);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    }
    return checked.siret;
  }),
  identifier: z
    .string()
    .trim()
    .min(1, 'Indiquez l’identifiant figurant sur le courrier n° 1.')
    .max(64, 'Cet identifiant est trop long : recopiez celui du courrier n° 1.'),
  code: z
    .string()
    .refine((v) => v.trim().length > 0, 'Indiquez le code confidentiel figurant sur le courrier n° 2.')
    .refine((v) => v.length <= 64, 'Ce code est trop long : recopiez celui du courrier n° 2.'),
});
export type IdentificationInput = z.input<typeof identificationSchema>;

const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Indiquez votre adresse électronique.')
  .max(254, 'Cette adresse électronique est trop longue.')
  .pipe(z.email('Cette adresse électronique n’est pas valide : elle doit ressembler à nom@exemple.fr.'));

export const accountSchema = z
  .object({
    email: emailField,
    emailConfirmation: z.string().trim().toLowerCase(),
    password: z
      .string()
      .min(1, 'Choisissez un mot de passe.')
      .max(MAX_PASSWORD_LENGTH, `Le mot de passe ne doit pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`),
    passwordConfirmation: z.string(),
  })
  .superRefine((v, ctx) => {
    if (!v.emailConfirmation) ctx.addIssue({ code: 'custom', path: ['emailConfirmation'], message: 'Saisissez une seconde fois votre adresse électronique.' });
    else if (v.emailConfirmation !== v.email)
      ctx.addIssue({ code: 'custom', path: ['emailConfirmation'], message: 'Les deux adresses électroniques ne sont pas identiques.' });
    if (!v.passwordConfirmation)
      ctx.addIssue({ code: 'custom', path: ['passwordConfirmation'], message: 'Saisissez une seconde fois votre mot de passe.' });
    else if (v.passwordConfirmation !== v.password)
      ctx.addIssue({ code: 'custom', path: ['passwordConfirmation'], message: 'Les deux mots de passe ne sont pas identiques.' });
  });
export type AccountInput = z.input<typeof accountSchema>;

/** First message per field, for the forms. */
export function fieldErrorsOf<K extends string>(error: z.ZodError): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const issue of error.issues) {
    const key = issue.path[0] as K | undefined;
    if (key && !out[key]) out[key] = issue.message;
  }
  return out;
}
