'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { areaAction } from '@/lib/access/action';
import { auditActor } from '@/lib/access/context';
import type { MutationResult } from '@/lib/access/result';
import type { ActionState } from '@/lib/access/schemas';
import { MAX_CSV_BYTES, parseWorkersCsv } from '@/lib/workers/csv';
import { addWorker, importWorkers, recordWorkerExit, updateWorker, type ImportReport } from '@/lib/workers/mutations';
import { recordExitSchema, updateWorkerFormSchema, workerFormSchema } from '@/lib/workers/schemas';

// « Salariés »: thin actions. The guard (area « déclarations », saisie) is checked by areaAction against
// the database before anything else; the work is in lib/workers, scoped by the company in the context.

const LIST = '/espace/salaries';

function refused<T>(result: MutationResult<T>): ActionState {
  if (result.ok) return null;
  if (result.code === 'not_found') notFound();
  return { ok: false, message: result.field ? 'Vérifiez les informations signalées.' : result.message, fieldErrors: result.field ? { [result.field]: result.message } : undefined };
}

export const addWorkerAction = areaAction({ area: 'declarations', level: 'write' }, workerFormSchema, async (worker, ctx) => {
  const result = await addWorker(await getDb(), { companyId: ctx.company.id, actor: await auditActor(ctx, ctx.company.id), worker });
  if (!result.ok) return refused(result);
  revalidatePath(LIST);
  redirect(`${LIST}?fait=ajout`);
});

export const updateWorkerAction = areaAction({ area: 'declarations', level: 'write' }, updateWorkerFormSchema, async (worker, ctx) => {
  const result = await updateWorker(await getDb(), { companyId: ctx.company.id, actor: await auditActor(ctx, ctx.company.id), worker });
  if (!result.ok) return refused(result);
  revalidatePath(LIST);
  redirect(`${LIST}?fait=modification`);
});

export const recordExitAction = areaAction({ area: 'declarations', level: 'write' }, recordExitSchema, async (exit, ctx) => {
  const result = await recordWorkerExit(await getDb(), { companyId: ctx.company.id, actor: await auditActor(ctx, ctx.company.id), exit });
  if (!result.ok) return refused(result);
  revalidatePath(LIST);
  redirect(`${LIST}?fait=sortie`);
});

/** What the import form shows after sending: the overall message, and the report row by row. */
export type ImportState = (NonNullable<ActionState> & { report?: ImportReport }) | null;

export const importWorkersAction = areaAction({ area: 'declarations', level: 'write' }, z.object({}), async (_input, ctx, formData) => {
  const file = formData.get('fichier');
  const fail = (message: string): ImportState => ({ ok: false, message: 'Le fichier n’a pas été importé.', fieldErrors: { fichier: message } });
  if (!(file instanceof File) || file.size === 0) return fail('Choisissez un fichier CSV.');
  if (file.size > MAX_CSV_BYTES) return fail(`Le fichier dépasse ${MAX_CSV_BYTES / 1000} Ko : découpez-le en plusieurs fichiers.`);
  const parsed = parseWorkersCsv(await file.text());
  if (!parsed.ok) return fail(parsed.message);
  const report = await importWorkers(await getDb(), { companyId: ctx.company.id, actor: await auditActor(ctx, ctx.company.id), rows: parsed.rows, fileName: file.name });
  revalidatePath(LIST);
  const state: ImportState = {
    ok: report.rejected === 0,
    message:
      report.rejected === 0
        ? `${report.imported} salarié${report.imported > 1 ? 's' : ''} importé${report.imported > 1 ? 's' : ''}.`
        : `${report.imported} salarié${report.imported > 1 ? 's' : ''} importé${report.imported > 1 ? 's' : ''}, ${report.rejected} ligne${report.rejected > 1 ? 's' : ''} refusée${report.rejected > 1 ? 's' : ''} : corrigez-les dans votre fichier et importez seulement ces lignes.`,
    report,
  };
  return state;
});
