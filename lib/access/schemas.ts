import { z } from 'zod';
import { checkSiret } from '@/lib/companies/siret';
import { delegableAreas, type AreaGrants, type DelegableArea } from './rules';

// Forms of « Gérer les droits d’accès » and of delegations. Importable by client components (no I/O).

/** What every server action of the space answers, for useActionState. Never echoes a password. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Text the user typed, to refill the form after an error. */
  values?: Record<string, string>;
  /** What the action answers besides the message (an import's row report, a confirmation's totals …). */
  data?: unknown;
} | null;

const levelChoice = z.enum(['none', 'read', 'write']).catch('none');

/** One radio group per area: right_declarations=none|read|write … → { declarations: 'write', … }. */
const rightsShape = Object.fromEntries(delegableAreas.map((a) => [`right_${a}`, levelChoice])) as Record<`right_${DelegableArea}`, typeof levelChoice>;

function grantsFrom(input: Record<string, 'none' | 'read' | 'write'>): AreaGrants {
  const grants: AreaGrants = {};
  for (const area of delegableAreas) {
    const v = input[`right_${area}`];
    if (v === 'read' || v === 'write') grants[area] = v;
  }
  return grants;
}

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Indiquez l’adresse électronique.')
  .max(254, 'Adresse électronique trop longue.')
  .pipe(z.email('Adresse électronique invalide (exemple : prenom.nom@entreprise.fr).'));

const personName = z.string().trim().max(100, '100 caractères au plus.');
const uuid = z.uuid('Élément introuvable.');

const endsOn = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date invalide (jj/mm/aaaa).').nullable());

export const inviteMemberSchema = z
  .object({
    email,
    firstName: personName.optional().default(''),
    lastName: personName.optional().default(''),
    role: z.enum(['admin', 'collaborator']).catch('collaborator'),
    ...rightsShape,
  })
  .transform(({ email, firstName, lastName, role, ...rights }) => ({ email, firstName, lastName, role, rights: role === 'admin' ? {} : grantsFrom(rights) }));
export type InviteMemberInput = z.output<typeof inviteMemberSchema>;

export const updateMemberSchema = z
  .object({ userId: uuid, role: z.enum(['admin', 'collaborator']), ...rightsShape })
  .transform(({ userId, role, ...rights }) => ({ userId, role, rights: role === 'admin' ? {} : grantsFrom(rights) }));
export type UpdateMemberInput = z.output<typeof updateMemberSchema>;

export const memberIdSchema = z.object({ userId: uuid });
export const invitationIdSchema = z.object({ invitationId: uuid });
export const delegationIdSchema = z.object({ delegationId: uuid });
export const companyIdSchema = z.object({ companyId: uuid });

function atLeastOneArea<T extends { areas: AreaGrants }>(v: T, ctx: z.RefinementCtx) {
  if (Object.keys(v.areas).length === 0)
    ctx.addIssue({ code: 'custom', path: ['areas'], message: 'Choisissez au moins un domaine (consultation ou saisie).' });
}

const delegationTerms = { endsOn, ...rightsShape };

export const offerDelegationSchema = z
  .object({ firmId: uuid, ...delegationTerms })
  .transform(({ firmId, endsOn, ...rights }) => ({ firmId, endsOn, areas: grantsFrom(rights) }))
  .superRefine(atLeastOneArea);
export type OfferDelegationInput = z.output<typeof offerDelegationSchema>;

const siret = z
  .string()
  .transform((v, ctx) => {
    const check = checkSiret(v);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }
    return check.siret;
  });

export const inviteFirmSchema = z
  .object({
    firmName: z.string().trim().min(2, 'Indiquez le nom du cabinet.').max(200, '200 caractères au plus.'),
    siret,
    email,
    ...delegationTerms,
  })
  .transform(({ firmName, siret, email, endsOn, ...rights }) => ({ firmName, siret, email, endsOn, areas: grantsFrom(rights) }))
  .superRefine(atLeastOneArea);
export type InviteFirmInput = z.output<typeof inviteFirmSchema>;

export const requestDelegationSchema = z
  .object({ siret, note: z.string().trim().max(500, '500 caractères au plus.').optional().default(''), ...delegationTerms })
  .transform(({ siret, note, endsOn, ...rights }) => ({ siret, note, endsOn, areas: grantsFrom(rights) }))
  .superRefine(atLeastOneArea);
export type RequestDelegationInput = z.output<typeof requestDelegationSchema>;

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(10).max(200),
    firstName: z.string().trim().min(1, 'Indiquez votre prénom.').max(100),
    lastName: z.string().trim().min(1, 'Indiquez votre nom.').max(100),
    password: z.string().max(1024),
    passwordConfirmation: z.string().max(1024),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.passwordConfirmation)
      ctx.addIssue({ code: 'custom', path: ['passwordConfirmation'], message: 'Les deux mots de passe ne sont pas identiques.' });
  });

export const linkInvitationSchema = z.object({ token: z.string().min(10).max(200), password: z.string().max(1024).optional().default('') });

/** Field errors of a zod failure, first message per field (areas errors land on « areas »). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}
