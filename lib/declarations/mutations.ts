import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { declarationLines, declarationNumberSeq, declarations, organisations } from '@/db/schema';
import type { Actor } from '@/lib/access/result';
import { recordAudit } from '@/lib/audit';
import { storeDocument } from '@/lib/documents/store';
import { getContributionDueOn } from '@/lib/payments/statement';
import { getCaisse } from '@/lib/site/queries';
import { parseDeclarationCsv, type CsvRowVerdict } from './csv-import';
import { getMonthDeclaration, getSentDeclaration, startingValues, type MonthWorker, type SentDeclaration } from './queries';
import { renderReceiptPdf } from './receipt-pdf';
import { computeDeclaration, formatPeriod, parseHoursHundredths, parseWagesCents, periodSlug, type LineInput } from './rules';

// Writes of the declarations area: drafts (as typed), the irreversible send (one per company and month,
// idempotent), corrective declarations, CSV import into the draft. Every write is scoped by company id.

export type DraftValues = Record<string, { hours: string; wages: string }>;
export type DeclarationKind = 'initial' | 'corrective';

export const hoursField = (workerId: string) => `hours_${workerId}`;
export const wagesField = (workerId: string) => `wages_${workerId}`;

type Failure = { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

/** Only the month's workers: an id of another company's worker (or a made-up one) is dropped. */
function keepKnown(values: DraftValues, allowed: readonly MonthWorker[]): DraftValues {
  const out: DraftValues = {};
  for (const w of allowed) {
    const v = values[w.id];
    if (v) out[w.id] = { hours: String(v.hours ?? '').slice(0, 30), wages: String(v.wages ?? '').slice(0, 30) };
  }
  return out;
}

/** Lines of every worker whose two fields parse (a draft's totals); with `strict`, each missing or wrong field is an error. */
export function linesFromValues(values: DraftValues, staff: readonly MonthWorker[], strict: boolean): { lines: LineInput[]; fieldErrors: Record<string, string> } {
  const lines: LineInput[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const w of staff) {
    const v = values[w.id] ?? { hours: '', wages: '' };
    const hours = parseHoursHundredths(v.hours);
    const wages = parseWagesCents(v.wages);
    if (strict) {
      if (!hours.ok) fieldErrors[hoursField(w.id)] = v.hours.trim() === '' ? 'Indiquez les heures travaillées (0 si aucune).' : hours.message;
      if (!wages.ok) fieldErrors[wagesField(w.id)] = v.wages.trim() === '' ? 'Indiquez le salaire brut (0 si aucun).' : wages.message;
      if (w.rateBasisPoints === null) fieldErrors[wagesField(w.id)] = 'Aucun taux de cotisation n’est en vigueur pour ce mois : contactez la caisse.';
    }
    if (hours.ok && wages.ok && w.rateBasisPoints !== null)
      lines.push({ workerId: w.id, hoursHundredths: hours.hundredths, grossWagesCents: wages.hundredths, rateBasisPoints: w.rateBasisPoints });
  }
  return { lines, fieldErrors };
}

function kindMismatch(expected: DeclarationKind, current: SentDeclaration | null): Failure {
  return expected === 'corrective'
    ? { ok: false, code: 'already_sent', message: `Ce mois a déjà été déclaré (déclaration ${current?.number}). Pour le modifier, faites une déclaration rectificative.` }
    : { ok: false, code: 'nothing_to_correct', message: 'Ce mois n’a pas encore été déclaré : il n’y a rien à rectifier.' };
}

export type SaveDraftInput = { companyId: string; period: string; kind: DeclarationKind; values: DraftValues; userId: string };

/**
 * Saves the draft of a month as typed (one draft per company, month and kind: an upsert). A draft for
 * a month already sent is a corrective draft; the page says which kind it edits, and a mismatch (the
 * month was sent meanwhile from another tab) is refused rather than silently turned into the other kind.
 */
export async function saveDeclarationDraft(db: Db, input: SaveDraftInput): Promise<{ ok: true; savedAt: Date } | Failure> {
  const month = await getMonthDeclaration(db, input.companyId, input.period);
  const expected: DeclarationKind = month.current ? 'corrective' : 'initial';
  if (input.kind !== expected) return kindMismatch(expected, month.current);
  const values = keepKnown(input.values, month.workers);
  const { totals } = computeDeclaration(linesFromValues(values, month.workers, false).lines);
  const savedAt = new Date();
  const set = {
    draftInput: values,
    correctsId: month.current?.id ?? null,
    totalHoursHundredths: totals.hoursHundredths,
    totalWagesCents: totals.wagesCents,
    totalContributionCents: totals.contributionCents,
    updatedAt: savedAt,
  };
  await db
    .insert(declarations)
    .values({ companyId: input.companyId, period: input.period, kind: expected, status: 'draft', ...set })
    .onConflictDoUpdate({
      target: [declarations.companyId, declarations.period, declarations.kind],
      targetWhere: sql`${declarations.status} = 'draft'`,
      set,
    });
  return { ok: true, savedAt };
}

export type SendInput = SaveDraftInput & { idempotencyKey: string; now?: Date; actor?: Actor };
export type SendResult = { ok: true; declaration: SentDeclaration; replayed: boolean } | Failure;

/** nextval() through db.execute, whose result is an array (postgres.js) or { rows } (PGlite). */
async function nextDeclarationNumber(db: Db, period: string): Promise<string> {
  const result = (await db.execute(sql`select nextval(${declarationNumberSeq.seqName!}::regclass)::text as seq`)) as unknown;
  const rows = rowsOf<{ seq: string }>(result);
  return `DEC-${period.slice(0, 4)}-${rows[0]!.seq.padStart(6, '0')}`;
}

async function findByKey(db: Db, companyId: string, key: string) {
  const [row] = await db
    .select({ id: declarations.id, period: declarations.period, status: declarations.status })
    .from(declarations)
    .where(and(eq(declarations.companyId, companyId), eq(declarations.idempotencyKey, key)));
  return row ?? null;
}

async function replay(db: Db, companyId: string, period: string, key: string): Promise<SendResult | null> {
  const row = await findByKey(db, companyId, key);
  if (!row || row.status !== 'sent') return null;
  if (row.period !== period) return { ok: false, code: 'key_reused', message: 'Cette page n’est plus à jour : rechargez-la avant d’envoyer.' };
  return { ok: true, declaration: (await getSentDeclaration(db, companyId, row.id))!, replayed: true };
}

/**
 * « Envoyer la déclaration »: irreversible. The server recomputes every line from the rates in force
 * (the client's figures are never trusted), renders the receipt, then in one transaction inserts the
 * sent declaration, its lines and the receipt, and drops the draft. Exactly one per company and month:
 * the same idempotency key (double click, retried request) returns the declaration already sent; a
 * second initial declaration of the month, or a second correction of the same declaration, hits a
 * unique index and is refused.
 */
export async function sendDeclaration(db: Db, input: SendInput): Promise<SendResult> {
  const again = await replay(db, input.companyId, input.period, input.idempotencyKey);
  if (again) return again;

  const month = await getMonthDeclaration(db, input.companyId, input.period);
  const expected: DeclarationKind = month.current ? 'corrective' : 'initial';
  if (input.kind !== expected) return kindMismatch(expected, month.current);
  if (!month.workers.length) return { ok: false, code: 'no_workers', message: 'Aucun salarié n’était employé ce mois-ci : il n’y a rien à déclarer.' };
  const values = keepKnown(input.values, month.workers);
  const { lines: inputs, fieldErrors } = linesFromValues(values, month.workers, true);
  if (Object.keys(fieldErrors).length)
    return { ok: false, code: 'invalid', message: 'Vérifiez les lignes signalées : la déclaration n’a pas été envoyée.', fieldErrors };
  const { lines, totals } = computeDeclaration(inputs);

  const now = input.now ?? new Date();
  const [[company], caisse, number] = await Promise.all([
    db.select({ name: organisations.name, siret: organisations.siret }).from(organisations).where(eq(organisations.id, input.companyId)),
    getCaisse(db),
    nextDeclarationNumber(db, input.period),
  ]);
  if (!company) return { ok: false, code: 'not_found', message: 'Entreprise introuvable.' };
  // Rendered before the transaction, which then only writes: no transaction stays open during layout.
  const pdf = await renderReceiptPdf({
    caisse,
    company,
    number,
    kind: expected,
    corrects: month.current ? { number: month.current.number, totalContributionCents: month.current.totalContributionCents } : null,
    sentAt: now,
    period: input.period,
    lineCount: totals.lines,
    totalHoursHundredths: totals.hoursHundredths,
    totalWagesCents: totals.wagesCents,
    totalContributionCents: totals.contributionCents,
    contributionDueOn: await getContributionDueOn(db, input.period),
  });

  const outcome = await db.transaction(async (tx): Promise<{ id: string } | Failure> => {
    const [row] = await tx
      .insert(declarations)
      .values({
        companyId: input.companyId,
        period: input.period,
        kind: expected,
        status: 'sent',
        correctsId: month.current?.id ?? null,
        number,
        sentAt: now,
        sentByUserId: input.userId,
        idempotencyKey: input.idempotencyKey,
        totalHoursHundredths: totals.hoursHundredths,
        totalWagesCents: totals.wagesCents,
        totalContributionCents: totals.contributionCents,
      })
      // Any unique index: the idempotency key, the month's one initial declaration, one correction per declaration.
      .onConflictDoNothing()
      .returning({ id: declarations.id });
    if (!row) {
      const same = await findByKey(tx, input.companyId, input.idempotencyKey);
      if (same) return { id: same.id };
      return expected === 'initial'
        ? { ok: false, code: 'already_sent', message: 'Ce mois vient d’être déclaré par ailleurs : la déclaration n’a pas été envoyée une seconde fois.' }
        : { ok: false, code: 'already_corrected', message: 'Cette déclaration vient d’être rectifiée par ailleurs : rechargez la page avant de la rectifier à nouveau.' };
    }
    await tx.insert(declarationLines).values(lines.map((l) => ({ ...l, declarationId: row.id })));
    await tx
      .delete(declarations)
      .where(and(eq(declarations.companyId, input.companyId), eq(declarations.period, input.period), eq(declarations.kind, expected), eq(declarations.status, 'draft')));
    await storeDocument(tx, {
      companyId: input.companyId,
      kind: 'declaration_receipt',
      sourceId: row.id,
      title: `${expected === 'corrective' ? 'Accusé de réception (rectificative)' : 'Accusé de réception'} – ${formatPeriod(input.period)} – ${number}`,
      fileName: `accuse-reception-${periodSlug(input.period)}-${number}.pdf`,
      contentType: 'application/pdf',
      bytes: pdf,
      createdByUserId: input.userId,
    });
    await recordAudit(tx, {
      action: expected === 'corrective' ? 'declaration.correct' : 'declaration.send',
      outcome: 'success',
      actorUserId: input.userId,
      subjectOrganisationId: input.companyId,
      ...input.actor,
      details: { number, period: input.period, totalContributionCents: totals.contributionCents },
    });
    return { id: row.id };
  });
  if ('ok' in outcome) return outcome;
  const declaration = (await getSentDeclaration(db, input.companyId, outcome.id))!;
  return { ok: true, declaration, replayed: declaration.number !== number };
}

export type ImportResult = { ok: true; rows: CsvRowVerdict[]; imported: number; savedAt: Date; values: DraftValues } | Failure;

/**
 * « Importer un fichier CSV »: the good rows replace those workers' figures in the draft (created if
 * need be); the other rows change nothing. The report lists every row with its line number.
 */
export async function importDeclarationCsv(db: Db, input: { companyId: string; period: string; kind: DeclarationKind; content: string; userId: string }): Promise<ImportResult> {
  const month = await getMonthDeclaration(db, input.companyId, input.period);
  const expected: DeclarationKind = month.current ? 'corrective' : 'initial';
  if (input.kind !== expected) return kindMismatch(expected, month.current);
  const parsed = parseDeclarationCsv(input.content, month.workers);
  if (!parsed.ok) return { ok: false, code: 'file', message: parsed.message };
  const values: DraftValues = { ...startingValues(month) };
  let imported = 0;
  for (const r of parsed.rows)
    if (r.ok) {
      values[r.workerId] = { hours: r.hours, wages: r.wages };
      imported++;
    }
  const saved = await saveDeclarationDraft(db, { companyId: input.companyId, period: input.period, kind: expected, values, userId: input.userId });
  if (!saved.ok) return saved;
  return { ok: true, rows: parsed.rows, imported, savedAt: saved.savedAt, values };
}

export type CheckResult = { ok: true; totals: ReturnType<typeof computeDeclaration>['totals']; previousContributionCents: number | null } | Failure;

/**
 * « Envoyer la déclaration », first step: saves the draft, then checks every line as the send will and
 * answers the totals computed here, which the confirmation shows. Nothing is sent.
 */
export async function checkDeclaration(db: Db, input: SaveDraftInput): Promise<CheckResult> {
  const saved = await saveDeclarationDraft(db, input);
  if (!saved.ok) return saved;
  const month = await getMonthDeclaration(db, input.companyId, input.period);
  if (!month.workers.length) return { ok: false, code: 'no_workers', message: 'Aucun salarié n’était employé ce mois-ci : il n’y a rien à déclarer.' };
  const { lines, fieldErrors } = linesFromValues(keepKnown(input.values, month.workers), month.workers, true);
  if (Object.keys(fieldErrors).length) return { ok: false, code: 'invalid', message: 'Vérifiez les lignes signalées avant d’envoyer.', fieldErrors };
  return { ok: true, totals: computeDeclaration(lines).totals, previousContributionCents: month.current?.totalContributionCents ?? null };
}
