'use server';

import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { canActFor } from '@/lib/access';
import { firmAction, sessionAction } from '@/lib/access/action';
import { ACTING_FOR_COOKIE, auditActor } from '@/lib/access/context';
import { companyIdSchema, delegationIdSchema, requestDelegationSchema, type ActionState } from '@/lib/access/schemas';
import { recordAudit } from '@/lib/audit';
import { requestInfo } from '@/lib/auth/request-info';
import { getEnv } from '@/lib/env';
import { requestDelegation, respondToDelegation, revokeDelegation } from '@/lib/delegations/mutations';
import type { MutationResult } from '@/lib/access/result';

// « Mes clients »: thin actions. The firm guard (member, or administrator to commit the firm) runs first;
// switching to a client asks lib/access whether a delegation is live before setting the cookie.

const PAGE = '/espace/clients';

function refused<T>(result: MutationResult<T>): ActionState {
  if (result.ok) return null;
  return { ok: false, message: result.message, fieldErrors: result.field ? { [result.field]: result.message } : undefined };
}

export const actForClientAction = firmAction({ role: 'member' }, companyIdSchema, async (input, ctx) => {
  const db = await getDb();
  const { ip } = requestInfo(await headers());
  if (!(await canActFor(db, { userId: ctx.session.userId, companyId: input.companyId, ip })))
    return { ok: false, message: 'Cette entreprise ne vous délègue plus rien : sa délégation a pris fin ou a été révoquée.' };
  (await cookies()).set(ACTING_FOR_COOKIE, input.companyId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().appUrl.startsWith('https://'),
    path: '/',
  });
  await recordAudit(db, { ...(await auditActor(ctx, input.companyId)), action: 'delegation.act_for', outcome: 'success' });
  revalidatePath('/espace', 'layout');
  redirect('/espace');
});

/** « Revenir à mes clients » (also used when a client's delegation ended under the user's feet). */
export const stopActingAction = sessionAction(z.object({}), async () => {
  (await cookies()).delete(ACTING_FOR_COOKIE);
  revalidatePath('/espace', 'layout');
  redirect(PAGE);
});

async function answerOffer(accept: boolean, delegationId: string, ctx: Parameters<Parameters<typeof firmAction>[2]>[1]): Promise<ActionState> {
  const result = await respondToDelegation(await getDb(), {
    delegationId,
    side: 'firm',
    organisationId: ctx.firm.id,
    accept,
    actor: await auditActor(ctx, ctx.firm.id),
  });
  if (!result.ok) return refused(result);
  revalidatePath(PAGE);
  redirect(`${PAGE}?fait=${accept ? 'acceptee' : 'refusee'}`);
}

export const acceptOfferAction = firmAction({ role: 'admin' }, delegationIdSchema, (input, ctx) => answerOffer(true, input.delegationId, ctx));

export const declineOfferAction = firmAction({ role: 'admin' }, delegationIdSchema, (input, ctx) => answerOffer(false, input.delegationId, ctx));

export const requestDelegationAction = firmAction({ role: 'admin' }, requestDelegationSchema, async (input, ctx) => {
  const result = await requestDelegation(await getDb(), { firmId: ctx.firm.id, ...input, actor: await auditActor(ctx, ctx.firm.id) });
  if (!result.ok) return refused(result);
  revalidatePath(PAGE);
  redirect(`${PAGE}?fait=demande`);
});

/** The firm withdraws its own request, or gives up a delegation (the company is told). */
export const withdrawDelegationAction = firmAction({ role: 'admin' }, delegationIdSchema, async (input, ctx) => {
  const result = await revokeDelegation(await getDb(), {
    delegationId: input.delegationId,
    side: 'firm',
    organisationId: ctx.firm.id,
    actor: await auditActor(ctx, ctx.firm.id),
  });
  if (!result.ok) return refused(result);
  revalidatePath(PAGE);
  redirect(`${PAGE}?fait=retrait`);
});
