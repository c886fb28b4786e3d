'use server';

import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { areaAction } from '@/lib/access/action';
import { auditActor } from '@/lib/access/context';
import type { ActionState } from '@/lib/access/schemas';
import { formatDayShort } from '@/lib/format';
import { cancelLeave, registerLeaves, updateLeave, type LeaveMutationResult } from '@/lib/leave/mutations';
import type { PaymentRun } from '@/lib/leave/runs';
import { leaveIdSchema, registerLeaveSchema, updateLeaveSchema } from '@/lib/leave/schemas';

// « Planification des congés »: thin actions; areaAction checks the area « leave » (saisie) against the
// database first, and lib/leave/mutations asks lib/access again before locking anything.

const PAGE = '/espace/conges';

function runSentence(run: PaymentRun | null): string {
  return run
    ? `Il sera payé lors du paiement du ${formatDayShort(run.paymentOn)} (date limite d’enregistrement : ${formatDayShort(run.deadline)}).`
    : 'La caisse n’a pas encore annoncé la prochaine date limite d’enregistrement : il sera payé lors du prochain paiement annoncé.';
}

function refusal<T>(result: LeaveMutationResult<T>): ActionState {
  if (result.ok) return null;
  if (result.code === 'not_found') notFound();
  return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
}

const days = (n: number) => (n === 1 ? '1 jour' : `${n} jours`);

export const registerLeaveAction = areaAction({ area: 'leave', level: 'write' }, registerLeaveSchema, async (input, ctx) => {
  const result = await registerLeaves(await getDb(), { ...input, companyId: ctx.company.id, actor: await auditActor(ctx, ctx.company.id) });
  if (!result.ok) return refusal(result);
  revalidatePath(PAGE, 'layout');
  const [first] = result.value;
  const who = result.value.length === 1 ? '1 salarié' : `${result.value.length} salariés`;
  const same = result.value.every((l) => l.days === first!.days);
  const counted = same ? `${days(first!.days)} ouvrables${result.value.length > 1 ? ' chacun' : ''}` : result.value.map((l) => days(l.days)).join(', ');
  const warnings = result.warnings.length ? ` Attention : ${result.warnings.join(' ')}` : '';
  return { ok: true, message: `Congé enregistré pour ${who} : ${counted}. ${runSentence(first!.run)}${warnings}` };
});

export const updateLeaveAction = areaAction({ area: 'leave', level: 'write' }, updateLeaveSchema, async (input, ctx) => {
  const result = await updateLeave(await getDb(), { ...input, companyId: ctx.company.id, actor: await auditActor(ctx, ctx.company.id) });
  if (!result.ok) return refusal(result);
  revalidatePath(PAGE, 'layout');
  const warnings = result.warnings.length ? ` Attention : ${result.warnings.join(' ')}` : '';
  return { ok: true, message: `Congé modifié : ${days(result.value.days)} ouvrables. ${runSentence(result.value.run)}${warnings}` };
});

export const cancelLeaveAction = areaAction({ area: 'leave', level: 'write' }, leaveIdSchema, async (input, ctx) => {
  const result = await cancelLeave(await getDb(), { leaveId: input.leaveId, companyId: ctx.company.id, actor: await auditActor(ctx, ctx.company.id) });
  if (!result.ok) return refusal(result);
  revalidatePath(PAGE, 'layout');
  return { ok: true, message: 'Congé annulé : ses jours sont rendus aux droits restants du salarié.' };
});
