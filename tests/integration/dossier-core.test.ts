import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declarationLines, declarations, documents, organisations, payments } from '@/db/schema';
import { demoCompanies, seedDemo } from '@/db/seed';
import { localBackend, readDocument, setStoreBackend, storeDocument } from '@/lib/documents/store';
import { engines, useTestDatabase } from '../support/db';

describe.each(engines)('dossier: demo declarations and the document store (%s)', (engine) => {
  const db = useTestDatabase(engine);
  const ids = { nancy: '', strasbourg: '' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'espace-docs-'));

  beforeAll(async () => {
    setStoreBackend(localBackend(dir));
    await seedDemo(db(), { today: '2026-11-27' });
    await seedDemo(db(), { today: '2026-11-27' }); // idempotent
    for (const key of ['nancy', 'strasbourg'] as const) {
      const [row] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.siret, demoCompanies[key].siret));
      ids[key] = row!.id;
    }
  });
  afterAll(() => {
    setStoreBackend(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seeds twelve sent months, November 2025 to October 2026, one line per worker', async () => {
    const rows = await db()
      .select({ period: declarations.period, lines: sql<number>`count(${declarationLines.id})::int` })
      .from(declarations)
      .leftJoin(declarationLines, eq(declarationLines.declarationId, declarations.id))
      .where(eq(declarations.companyId, ids.nancy))
      .groupBy(declarations.period)
      .orderBy(declarations.period);
    expect(rows.map((r) => r.period)).toEqual([
      '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01',
      '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01',
    ]);
    expect(rows.every((r) => r.lines === 8)).toBe(true);
  });

  it('leaves the Strasbourg company one contribution due and unpaid (September 2026), Nancy none', async () => {
    const paidPeriods = async (companyId: string) =>
      (await db().select({ period: payments.period }).from(payments).where(and(eq(payments.companyId, companyId), eq(payments.status, 'received')))).map((p) => p.period);
    const nancy = await paidPeriods(ids.nancy);
    expect(nancy).toHaveLength(11); // October 2026 falls due on 15 December
    expect(nancy).toContain('2026-09-01');
    const strasbourg = await paidPeriods(ids.strasbourg);
    expect(strasbourg).toHaveLength(10);
    expect(strasbourg).not.toContain('2026-09-01');
  });

  it('stores documents encrypted and reads them back only for their company', async () => {
    const plain = Buffer.from('%PDF-1.7 accusé de réception — 1 234,56 €');
    const { id, storageKey } = await storeDocument(db(), {
      companyId: ids.nancy,
      kind: 'declaration_receipt',
      title: 'Accusé de réception',
      fileName: 'accuse.pdf',
      contentType: 'application/pdf',
      bytes: plain,
    });
    const onDisk = fs.readFileSync(path.join(dir, storageKey));
    expect(onDisk.includes(plain)).toBe(false);
    expect(onDisk.includes(Buffer.from('accus'))).toBe(false);
    const back = await readDocument(db(), ids.nancy, id);
    expect(back?.bytes.equals(plain)).toBe(true);
    expect(await readDocument(db(), ids.strasbourg, id)).toBeNull();
    const [row] = await db().select().from(documents).where(eq(documents.id, id));
    expect(row?.sizeBytes).toBe(plain.length);
  });

  it('refuses a file moved under another key (the key is authenticated)', async () => {
    const { id, storageKey } = await storeDocument(db(), {
      companyId: ids.nancy, kind: 'upload', title: 'a', fileName: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.from('one'),
    });
    const other = await storeDocument(db(), {
      companyId: ids.nancy, kind: 'upload', title: 'b', fileName: 'b.pdf', contentType: 'application/pdf', bytes: Buffer.from('two'),
    });
    fs.copyFileSync(path.join(dir, storageKey), path.join(dir, other.storageKey));
    await expect(readDocument(db(), ids.nancy, other.id)).rejects.toThrow();
    expect((await readDocument(db(), ids.nancy, id))?.bytes.toString()).toBe('one');
  });
});

describe.each(engines)('send-reminders: each reminder once (%s)', (engine) => {
  const db = useTestDatabase(engine);

  it('sends a due reminder once however many times it runs, and concurrently', async () => {
    const { createElement } = await import('react');
    const { sendReminders } = await import('@/lib/reminders');
    const { mailOutbox } = await import('@/db/schema');
    const source = {
      name: 'essai',
      collect: async () => [
        { key: 'essai:1', companyId: null, to: 'a@example.test', template: 'test-email', subject: 'Rappel', element: createElement('p', null, 'Rappel') },
        { key: 'essai:2', companyId: null, to: 'b@example.test', template: 'test-email', subject: 'Rappel', element: createElement('p', null, 'Rappel') },
      ],
    };
    const first = await sendReminders(db(), [source], '2026-11-27');
    expect(first).toEqual([{ source: 'essai', due: 2, sent: 2 }]);
    const [again, concurrent] = await Promise.all([sendReminders(db(), [source], '2026-11-27'), sendReminders(db(), [source], '2026-11-27')]);
    expect(again[0]!.sent + concurrent[0]!.sent).toBe(0);
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.subject, 'Rappel'));
    expect(mails).toHaveLength(2);
  });
});
