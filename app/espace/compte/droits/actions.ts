'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { areaAction } from '@/lib/access/action';
import { auditActor, type AreaContext } from '@/lib/access/context';
import { cancelInvitation, inviteMember, removeMember, updateMember } from '@/lib/access/mutations';
import type { MutationResult } from '@/lib/access/result';
import {
  delegationIdSchema,
  invitationIdSchema,
  inviteFirmSchema,
  inviteMemberSchema,
  memberIdSchema,
  offerDelegationSchema,
  updateMemberSchema,
  type ActionState,
} from '@/lib/access/schemas';
import { inviteFirmAndOffer, offerDelegation, respondToDelegation, revokeDelegation } from '@/lib/delegations/mutations';

// « Gérer les droits d’accès »: thin actions; the guard (area « account », saisie) is checked by
// areaAction against the database before anything else, the work is in lib/access and lib/delegations.

const PAGE = '/espace/compte/droits';

function refused<T>(result: MutationResult<T>): ActionState {
  if (result.ok) return null;
  return { ok: false, message: result.message, fieldErrors: result.field ? { [result.field]: result.message } : undefined };
}

/** Delegations belong to companies; a firm's own space has none. */
function companyOnly(ctx: AreaContext) {
  if (ctx.company.kind !== 'company') notFound();
  return ctx.company;
}

export const inviteMemberAction = areaAction({ area: 'account', level: 'write' }, inviteMemberSchema, async (input, ctx) => {
  const result = await inviteMember(await getDb(), {
    organisationId: ctx.company.id,
    actor: await auditActor(ctx, ctx.company.id),
    ...input,
    rights: ctx.company.kind === 'company' ? input.rights : {},
  });
  if (!result.ok) return refused(result);
  revalidatePath(PAGE);
  redirect(`${PAGE}?fait=invitation`);
});

export const cancelInvitationAction = areaAction({ area: 'account', level: 'write' }, invitationIdSchema, async (input, ctx) => {
  const result = await cancelInvitation(await getDb(), { organisationId: ctx.company.id, invitationId: input.invitationId, actor: await auditActor(ctx, ctx.company.id) });
  if (!result.ok) return refused(result);
  revalidatePath(PAGE);
  return { ok: true, message: 'Invitation annulée : le lien ne fonctionne plus.' };
});

export const updateMemberAction = areaAction({ area: 'account', level: 'write' }, updateMemberSchema, async (input, ctx) => {
  const result = await updateMember(await getDb(), {
    organisationId: ctx.company.id,
    ...input,
    rights: ctx.company.kind === 'company' ? input.rights : {},
    actor: await auditActor(ctx, ctx.company.id),
  });
  if (!result.ok) return refused(result);
  revalidatePath(PAGE);
  redirect(`${PAGE}?fait=droits`);
});

export const removeMemberAction = areaAction({ area: 'account', level: 'write' }, memberIdSchema, async (input, ctx) => {
  const result = await removeMember(await getDb(), { organisationId: ctx.company.id, userId: input.userId, actor: await auditActor(ctx, ctx.company.id) });
  if (!result.ok) return refused(result);
  revalidatePath(PAGE);
  redirect(`${PAGE}?fait=retrait`);
});

export const offerDelegationAction = areaAction({ area: 'account', level: 'write' }, offerDelegationSchema, async (input, ctx) => {
  const company = companyOnly(ctx);
  const result = await offerDelegation(await getDb(), { companyId: company.id, ...input, actor: await auditActor(ctx, company.id) });
  if (!result.ok) return refused(result);
  revalidatePath(PAGE);
  redirect(`${PAGE}?fait=delegation`);
});

export const inviteFirmAction = areaAction({ area: 'account', level: 'write' }, inviteFirmSchema, async (input, ctx) => {
  const company = companyOnly(ctx);
  const result = await inviteFirmAndOffer(await getDb(), { companyId: company.id, ...input, actor: await auditActor(ctx, company.id) });
  if (!result.ok) return refused(result);
  revalidatePath(PAGE);
  redirect(`${PAGE}?fait=${result.value.isNewFirm ? 'cabinet-invite' : 'delegation'}`);
});

async function answerRequest(accept: boolean, delegationId: string, ctx: AreaContext): Promise<ActionState> {
  const company = companyOnly(ctx);
  const result = await respondToDelegation(await getDb(), { delegationId, side: 'company', organisationId: company.id, accept, actor: await auditActor(ctx, company.id) });
  if (!result.ok) return refused(result);
  revalidatePath(PAGE);
  redirect(`${PAGE}?fait=${accept ? 'demande-acceptee' : 'demande-refusee'}`);
}

export const acceptRequestAction = areaAction({ area: 'account', level: 'write' }, delegationIdSchema, (input, ctx) => answerRequest(true, input.delegationId, ctx));

export const declineRequestAction = areaAction({ area: 'account', level: 'write' }, delegationIdSchema, (input, ctx) => answerRequest(false, input.delegationId, ctx));

export const revokeDelegationAction = areaAction({ area: 'account', level: 'write' }, delegationIdSchema, async (input, ctx) => {
  const company = companyOnly(ctx);
  const result = await revokeDelegation(await getDb(), { delegationId: input.delegationId, side: 'company', organisationId: company.id, actor: await auditActor(ctx, company.id) });
  if (!result.ok) return refused(result);
  revalidatePath(PAGE);
  redirect(`${PAGE}?fait=revocation`);
});
