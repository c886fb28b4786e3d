import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, workers } from '@/db/schema';
import { authorize } from '@/lib/access';
import { parseWorkersCsv } from '@/lib/workers/csv';
import { addWorker, importWorkers, recordWorkerExit, updateWorker } from '@/lib/workers/mutations';
import { getWorker, listWorkers } from '@/lib/workers/queries';
import { workerSchema } from '@/lib/workers/schemas';
import { actorOf, addMember, companyWithAdmin, createUser, firmWithAdmin, insertDelegation } from '../support/access-fixtures';
import { engines, useTestDatabase } from '../support/db';

const today = '2026-11-27';
const schema = workerSchema({ today: () => today });
const worker = (fields: Record<string, string> = {}) =>
  schema.parse({ lastName: 'Durand', firstName: 'Kevin', birthDate: '14/03/1988', category: 'ouvrier', hiredOn: '01/09/2015', weeklyHours: '35', leftOn: '', ...fields });

describe.each(engines)('Salariés: add, edit, exit, import, scoped to the company (%s)', (engine) => {
  const db = useTestDatabase(engine);
  let company = { id: '' };
  let other = { id: '' };
  let actor = actorOf('', '');
  let otherActor = actorOf('', '');

  beforeAll(async () => {
    const a = await companyWithAdmin(db());
    const b = await companyWithAdmin(db());
    company = a.company;
    other = b.company;
    actor = actorOf(a.admin.id, a.company.id);
    otherActor = actorOf(b.admin.id, b.company.id);
  });

  const names = async (companyId: string, statut: 'actifs' | 'sortis' | 'tous' = 'tous', q = '') =>
    (await listWorkers(db(), companyId, { q, statut, today })).rows.map((w) => `${w.lastName} ${w.firstName}`);

  it('adds a worker, lists and finds them by name, and audits the addition', async () => {
    const added = await addWorker(db(), { companyId: company.id, actor, worker: worker({ lastName: 'Zola', firstName: 'Émile', weeklyHours: '35,5' }) });
    expect(added.ok).toBe(true);
    const id = added.ok ? added.value.id : '';
    expect(await getWorker(db(), company.id, id)).toMatchObject({ lastName: 'Zola', firstName: 'Émile', birthDate: '1988-03-14', hiredOn: '2015-09-01', weeklyHours: 35.5, leftOn: null });
    expect(await names(company.id, 'actifs', 'zol')).toEqual(['Zola Émile']);
    expect(await names(company.id, 'actifs', '%')).toEqual([]); // wildcards typed are searched literally
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'worker_create'), eq(auditLog.subjectOrganisationId, company.id)));
    expect(entry?.details).toEqual({ workerId: id });
  });

  it('refuses the same person twice in a company, at the name field; another company may employ them', async () => {
    await addWorker(db(), { companyId: company.id, actor, worker: worker({ lastName: 'Hugo', firstName: 'Victor' }) });
    expect(await addWorker(db(), { companyId: company.id, actor, worker: worker({ lastName: 'HUGO', firstName: 'victor' }) })).toEqual({
      ok: false,
      code: 'duplicate',
      message: 'Ce salarié est déjà enregistré (même nom, prénom et date de naissance).',
      field: 'lastName',
    });
    expect((await addWorker(db(), { companyId: other.id, actor: otherActor, worker: worker({ lastName: 'Hugo', firstName: 'Victor' }) })).ok).toBe(true);
  });

  it('edits a worker and records an exit; the worker moves from « en poste » to « sortis »', async () => {
    const added = await addWorker(db(), { companyId: company.id, actor, worker: worker({ lastName: 'Sand', firstName: 'George' }) });
    const id = added.ok ? added.value.id : '';
    const edited = await updateWorker(db(), { companyId: company.id, actor, worker: { workerId: id, ...worker({ lastName: 'Sand', firstName: 'Aurore', category: 'cadre', weeklyHours: '39' }) } });
    expect(edited).toEqual({ ok: true, value: undefined });
    expect(await getWorker(db(), company.id, id)).toMatchObject({ firstName: 'Aurore', category: 'cadre', weeklyHours: 39 });

    expect(await recordWorkerExit(db(), { companyId: company.id, actor, exit: { workerId: id, exitOn: '2015-08-31' }, today })).toEqual({
      ok: false,
      code: 'exit_date',
      message: 'La date de sortie ne peut pas précéder la date d’embauche (01/09/2015).',
      field: 'exitOn',
    });
    expect((await recordWorkerExit(db(), { companyId: company.id, actor, exit: { workerId: id, exitOn: '2026-10-31' }, today })).ok).toBe(true);
    expect((await getWorker(db(), company.id, id))?.leftOn).toBe('2026-10-31');
    expect(await names(company.id, 'sortis')).toContain('Sand Aurore');
    expect(await names(company.id, 'actifs')).not.toContain('Sand Aurore');
    const actions = (await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectOrganisationId, company.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['worker_update', 'worker_exit']));
  });

  it('another company’s worker id is not found: not read, not edited, no exit recorded, nothing changed', async () => {
    const theirs = await addWorker(db(), { companyId: other.id, actor: otherActor, worker: worker({ lastName: 'Verne', firstName: 'Jules' }) });
    const id = theirs.ok ? theirs.value.id : '';
    expect(await getWorker(db(), company.id, id)).toBeNull();
    expect(await updateWorker(db(), { companyId: company.id, actor, worker: { workerId: id, ...worker({ lastName: 'Pirate', firstName: 'Jules' }) } })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await recordWorkerExit(db(), { companyId: company.id, actor, exit: { workerId: id, exitOn: '2026-10-31' }, today })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await getWorker(db(), other.id, id)).toMatchObject({ lastName: 'Verne', leftOn: null });
    expect(await names(company.id)).not.toContain('Verne Jules');
  });

  it('imports the good rows of a file in one go and reports the others with their line and reason', async () => {
    await addWorker(db(), { companyId: company.id, actor, worker: worker({ lastName: 'Camus', firstName: 'Albert', birthDate: '07/11/1973' }) });
    const csv = [
      'nom;prenom;date_naissance;categorie;date_embauche;horaire_hebdo;date_sortie',
      'Colette;Sidonie;28/01/1983;ETAM;02/01/2018;35;',
      'Camus;Albert;1973-11-07;ouvrier;01/03/2010;35;',
      'Proust;Marcel;10/07/1981;peintre;01/02/2020;35;',
      'Duras;Marguerite;04/04/1984;cadre;01/06/2012;39;30/09/2026',
    ].join('\r\n');
    const parsed = parseWorkersCsv(csv, { today: () => today });
    if (!parsed.ok) throw new Error(parsed.message);
    const report = await importWorkers(db(), { companyId: company.id, actor, rows: parsed.rows, fileName: 'salaries.csv' });
    expect(report.imported).toBe(2);
    expect(report.rejected).toBe(2);
    expect(report.rows).toEqual([
      { line: 2, label: 'Sidonie Colette', imported: true, errors: [] },
      { line: 3, label: 'Albert Camus', imported: false, errors: ['Ce salarié est déjà enregistré (même nom, prénom et date de naissance).'] },
      { line: 4, label: 'Marcel Proust', imported: false, errors: ['catégorie : Catégorie inconnue : ouvrier, ETAM ou cadre.'] },
      { line: 5, label: 'Marguerite Duras', imported: true, errors: [] },
    ]);
    const all = await names(company.id);
    expect(all).toEqual(expect.arrayContaining(['Colette Sidonie', 'Duras Marguerite']));
    expect(all).not.toContain('Proust Marcel');
    expect(all.filter((n) => n === 'Camus Albert')).toHaveLength(1);
    expect(await names(company.id, 'sortis')).toContain('Duras Marguerite');
    expect(await names(other.id)).not.toContain('Colette Sidonie');

    // The same file again: every row is now either known or wrong; nothing is imported twice.
    const again = await importWorkers(db(), { companyId: company.id, actor, rows: parsed.rows });
    expect(again.imported).toBe(0);
  });

  it('an import lands as a whole or not at all: a failure in the last batch leaves no row behind', async () => {
    // 501 good rows (two insert batches), the last one made invalid for the database behind the schema's
    // back (hours overflow numeric(5,2)): the first batch is rolled back with it.
    const rows = Array.from({ length: 501 }, (_, i) => ({ line: i + 2, ok: true as const, label: `Lot ${i}`, worker: worker({ lastName: 'Lot', firstName: `Prénom${'a'.repeat(i % 50)}${String.fromCharCode(97 + (i % 26))}` }) }));
    rows.forEach((r, i) => (r.worker = { ...r.worker, birthDate: `19${60 + Math.floor(i / 28)}-02-${String((i % 28) + 1).padStart(2, '0')}` }));
    rows[500]!.worker = { ...rows[500]!.worker, weeklyHours: 1e6 };
    await expect(importWorkers(db(), { companyId: company.id, actor, rows })).rejects.toThrow();
    expect(await db().select().from(workers).where(and(eq(workers.companyId, company.id), eq(workers.lastName, 'Lot')))).toEqual([]);
  });

  it('only those allowed to write in « Déclarations » get in: a collaborator without the right and a firm without delegation get nothing', async () => {
    const reader = await createUser(db());
    await addMember(db(), company.id, reader.id, 'collaborator', { declarations: 'read' });
    const stranger = await createUser(db());
    await addMember(db(), company.id, stranger.id, 'collaborator', { payments: 'write' });
    const { admin: firmWithout, firm: firmA } = await firmWithAdmin(db());
    await insertDelegation(db(), { companyId: company.id, firmId: firmA.id, areas: { payments: 'write' }, status: 'active' });
    const { admin: firmNone } = await firmWithAdmin(db());
    const { admin: firmWith, firm: firmB } = await firmWithAdmin(db());
    await insertDelegation(db(), { companyId: company.id, firmId: firmB.id, areas: { declarations: 'write' }, status: 'active' });
    const may = async (userId: string, action: 'read' | 'write') => (await authorize(db(), { userId, companyId: company.id, area: 'declarations', action })).allowed;

    expect([await may(reader.id, 'read'), await may(reader.id, 'write')]).toEqual([true, false]);
    expect([await may(stranger.id, 'read'), await may(stranger.id, 'write')]).toEqual([false, false]);
    expect([await may(firmWithout.id, 'read'), await may(firmNone.id, 'read')]).toEqual([false, false]);
    expect(await may(firmWith.id, 'write')).toBe(true);
    expect(await may(otherActor.actorUserId, 'read')).toBe(false);
  });
});
