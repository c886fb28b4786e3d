'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { areaAction } from '@/lib/access/action';
import { auditActor } from '@/lib/access/context';
import { checkDeclaration, importDeclarationCsv, saveDeclarationDraft, sendDeclaration } from '@/lib/declarations/mutations';
import { formatReceiptTime } from '@/lib/declarations/format';
import { periodSlug } from '@/lib/declarations/rules';
import { declarationFormSchema, importCsvSchema, type CsvReport, type SendConfirmation } from '@/lib/declarations/schemas';

const savedMessage = (at: Date) => `Brouillon enregistré à ${formatReceiptTime(at, 'time')}`;

/**
 * The month form: « Enregistrer le brouillon » (and the auto-save), « Envoyer la déclaration » (checks
 * and answers the totals to confirm), « Confirmer l’envoi » (sends, once, then shows the sent month).
 */
export const submitDeclarationAction = areaAction({ area: 'declarations', level: 'write' }, declarationFormSchema, async (input, ctx) => {
  const db = await getDb();
  const base = { companyId: ctx.company.id, period: input.period, kind: input.kind, values: input.values, userId: ctx.session.userId };
  if (input.intent === 'draft') {
    const saved = await saveDeclarationDraft(db, base);
    if (!saved.ok) return { ok: false, message: saved.message };
    return { ok: true, message: savedMessage(saved.savedAt), data: { savedAt: saved.savedAt.toISOString() } };
  }
  if (input.intent === 'send') {
    const checked = await checkDeclaration(db, base);
    if (!checked.ok) return { ok: false, message: checked.message, fieldErrors: checked.fieldErrors };
    const data: SendConfirmation = {
      confirm: {
        lines: checked.totals.lines,
        hoursHundredths: checked.totals.hoursHundredths,
        wagesCents: checked.totals.wagesCents,
        contributionCents: checked.totals.contributionCents,
        previousContributionCents: checked.previousContributionCents,
      },
    };
    return { ok: true, data };
  }
  const result = await sendDeclaration(db, { ...base, idempotencyKey: input.idempotencyKey, actor: await auditActor(ctx, ctx.company.id) });
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath('/espace/declarations');
  revalidatePath('/espace');
  redirect(`/espace/declarations/${periodSlug(input.period)}?envoyee=${encodeURIComponent(result.declaration.number)}`);
});

const MAX_CSV_BYTES = 1_000_000;

/** « Importer un fichier CSV »: good rows into the draft, a row-by-row report. */
export const importCsvAction = areaAction({ area: 'declarations', level: 'write' }, importCsvSchema, async (input, ctx, formData) => {
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: 'Choisissez un fichier CSV.', fieldErrors: { file: 'Choisissez un fichier CSV.' } };
  if (file.size > MAX_CSV_BYTES) return { ok: false, message: 'Fichier trop volumineux (1 Mo au plus).', fieldErrors: { file: 'Fichier trop volumineux (1 Mo au plus).' } };
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    const message = 'Le fichier n’est pas encodé en UTF-8. Dans Excel : « Enregistrer sous » › « CSV UTF-8 ».';
    return { ok: false, message, fieldErrors: { file: message } };
  }
  const db = await getDb();
  const result = await importDeclarationCsv(db, { companyId: ctx.company.id, period: input.period, kind: input.kind, content, userId: ctx.session.userId });
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: { file: result.message } };
  const data: CsvReport = {
    imported: result.imported,
    values: result.values,
    report: result.rows.map((r) =>
      r.ok
        ? { line: r.line, ok: true, label: r.workerName, text: `importée (${r.hours} h, ${r.wages} €)` }
        : { line: r.line, ok: false, label: r.label, text: r.errors.join(' ; ') },
    ),
  };
  const refused = result.rows.length - result.imported;
  revalidatePath('/espace/declarations');
  return {
    ok: true,
    message: `${result.imported} ligne${result.imported > 1 ? 's' : ''} importée${result.imported > 1 ? 's' : ''} dans le brouillon${refused ? `, ${refused} refusée${refused > 1 ? 's' : ''} (détail ci-dessous)` : ''}.`,
    data,
  };
});
