import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { workers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { attempt, Refusal, type Actor, type MutationResult } from '@/lib/access/result';
import { todayInFrance } from '@/lib/format';
import { personKey, type CsvRowVerdict } from './csv';
import { exitDateError, type RecordExitInput, type UpdateWorkerInput, type WorkerInput } from './schemas';

// Writes of « Salariés ». The caller has passed lib/access for `companyId`; every statement is scoped by
// it (another company's worker is « not found »), and each change writes its audit entry in the same
// transaction.

const hoursText = (h: number) => h.toFixed(2);

function audit(tx: Db, companyId: string, actor: Actor, action: string, details: Record<string, unknown>) {
  return recordAudit(tx, {
    action,
    outcome: 'success',
    actorUserId: actor.actorUserId,
    actorOrganisationId: actor.actorOrganisationId,
    subjectOrganisationId: companyId,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
    details,
  });
}

const duplicateMessage = 'Ce salarié est déjà enregistré (même nom, prénom et date de naissance).';

async function existingKeys(tx: Db, companyId: string, birthDates: string[]): Promise<Set<string>> {
  if (!birthDates.length) return new Set();
  const rows = await tx
    .select({ lastName: workers.lastName, firstName: workers.firstName, birthDate: workers.birthDate })
    .from(workers)
    .where(and(eq(workers.companyId, companyId), inArray(workers.birthDate, [...new Set(birthDates)])));
  return new Set(rows.map(personKey));
}

export async function addWorker(db: Db, input: { companyId: string; actor: Actor; worker: WorkerInput }): Promise<MutationResult<{ id: string }>> {
  const w = input.worker;
  return attempt(() =>
    db.transaction(async (tx) => {
      if ((await existingKeys(tx, input.companyId, [w.birthDate])).has(personKey(w))) throw new Refusal('duplicate', duplicateMessage, 'lastName');
      const [row] = await tx
        .insert(workers)
        .values({ companyId: input.companyId, lastName: w.lastName, firstName: w.firstName, birthDate: w.birthDate, category: w.category, hiredOn: w.hiredOn, leftOn: w.leftOn, weeklyHours: hoursText(w.weeklyHours) })
        .returning({ id: workers.id });
      await audit(tx, input.companyId, input.actor, 'worker_create', { workerId: row!.id });
      return { id: row!.id };
    }),
  );
}

export async function updateWorker(db: Db, input: { companyId: string; actor: Actor; worker: UpdateWorkerInput }): Promise<MutationResult> {
  const w = input.worker;
  return attempt(() =>
    db.transaction(async (tx) => {
      const [current] = await tx
        .select({ id: workers.id })
        .from(workers)
        .where(and(eq(workers.id, w.workerId), eq(workers.companyId, input.companyId)))
        .for('update');
      if (!current) throw new Refusal('not_found', 'Salarié introuvable.');
      const others = await tx
        .select({ id: workers.id, lastName: workers.lastName, firstName: workers.firstName, birthDate: workers.birthDate })
        .from(workers)
        .where(and(eq(workers.companyId, input.companyId), eq(workers.birthDate, w.birthDate)));
      if (others.some((o) => o.id !== w.workerId && personKey(o) === personKey(w))) throw new Refusal('duplicate', duplicateMessage, 'lastName');
      await tx
        .update(workers)
        .set({ lastName: w.lastName, firstName: w.firstName, birthDate: w.birthDate, category: w.category, hiredOn: w.hiredOn, leftOn: w.leftOn, weeklyHours: hoursText(w.weeklyHours) })
        .where(and(eq(workers.id, w.workerId), eq(workers.companyId, input.companyId)));
      await audit(tx, input.companyId, input.actor, 'worker_update', { workerId: w.workerId });
      return undefined;
    }),
  );
}

/** « Enregistrer une sortie »: the exit date must not precede the hire date read from the database. */
export async function recordWorkerExit(db: Db, input: { companyId: string; actor: Actor; exit: RecordExitInput; today?: string }): Promise<MutationResult> {
  const today = input.today ?? todayInFrance();
  return attempt(() =>
    db.transaction(async (tx) => {
      const [current] = await tx
        .select({ hiredOn: workers.hiredOn })
        .from(workers)
        .where(and(eq(workers.id, input.exit.workerId), eq(workers.companyId, input.companyId)))
        .for('update');
      if (!current) throw new Refusal('not_found', 'Salarié introuvable.');
      const error = exitDateError(current.hiredOn, input.exit.exitOn, today);
      if (error) throw new Refusal('exit_date', error, 'exitOn');
      await tx
        .update(workers)
        .set({ leftOn: input.exit.exitOn })
        .where(and(eq(workers.id, input.exit.workerId), eq(workers.companyId, input.companyId)));
      await audit(tx, input.companyId, input.actor, 'worker_exit', { workerId: input.exit.workerId, leftOn: input.exit.exitOn });
      return undefined;
    }),
  );
}

export type ImportReportRow = { line: number; label: string; imported: boolean; errors: string[] };
export type ImportReport = { imported: number; rejected: number; rows: ImportReportRow[] };

/**
 * Imports the good rows of a parsed file in one transaction; a row with an error, or a person already
 * recorded for the company, is reported and not imported. Either every good row lands or none does.
 */
export async function importWorkers(db: Db, input: { companyId: string; actor: Actor; rows: CsvRowVerdict[]; fileName?: string }): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    const known = await existingKeys(
      tx,
      input.companyId,
      input.rows.flatMap((r) => (r.ok ? [r.worker.birthDate] : [])),
    );
    const rows: ImportReportRow[] = input.rows.map((r) =>
      !r.ok
        ? { line: r.line, label: r.label, imported: false, errors: r.errors }
        : known.has(personKey(r.worker))
          ? { line: r.line, label: r.label, imported: false, errors: [duplicateMessage] }
          : { line: r.line, label: r.label, imported: true, errors: [] },
    );
    const good = input.rows.filter((r, i): r is Extract<CsvRowVerdict, { ok: true }> => r.ok && rows[i]!.imported);
    for (let i = 0; i < good.length; i += 500) {
      await tx.insert(workers).values(
        good.slice(i, i + 500).map(({ worker: w }) => ({
          companyId: input.companyId,
          lastName: w.lastName,
          firstName: w.firstName,
          birthDate: w.birthDate,
          category: w.category,
          hiredOn: w.hiredOn,
          leftOn: w.leftOn,
          weeklyHours: hoursText(w.weeklyHours),
        })),
      );
    }
    const report = { imported: good.length, rejected: rows.length - good.length, rows };
    await audit(tx, input.companyId, input.actor, 'workers_import', { imported: report.imported, rejected: report.rejected, fileName: input.fileName?.slice(0, 200) ?? null });
    return report;
  });
}
