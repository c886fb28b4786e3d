import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attestations, auditLog, documents } from '@/db/schema';
import { deleteUpload, uploadDocument } from '@/lib/documents/mutations';
import { getDocumentForUser, listCompanyDocuments } from '@/lib/documents/queries';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/rules';
import { s3Backend } from '@/lib/documents/s3';
import { parseAuthorization, sha256Hex, signature } from '@/lib/documents/sigv4';
import { localBackend, readDocument, setStoreBackend, storeDocument } from '@/lib/documents/store';
import { engines, useTestDatabase } from '../support/db';
import { addMember, companyWithAdmin, createUser, firmWithAdmin, insertDelegation } from '../support/access-fixtures';

const UPLOAD_URL = 'http://localhost/espace/documents/deposer';

function pngBytes(): Buffer {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(200);
  return PNG.sync.write(png);
}
const pdfBytes = () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A multipart request as a browser sends it: the name and the claimed type are the uploader's. */
function uploadRequest(fields: { titre?: string; file?: { bytes: Uint8Array; name: string; type: string } }): Request {
  const form = new FormData();
  if (fields.titre !== undefined) form.set('titre', fields.titre);
  if (fields.file) form.set('fichier', new File([new Uint8Array(fields.file.bytes)], fields.file.name, { type: fields.file.type }));
  return new Request(UPLOAD_URL, { method: 'POST', body: form });
}

/** The files the store holds (the temp files of an unfinished write included). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

describe.each(engines)('Mes documents: upload, download, delete (%s)', (engine) => {
  const db = useTestDatabase(engine);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'espace-docs-'));
  let company: { id: string };
  let admin: { id: string };
  let other: { company: { id: string }; admin: { id: string } };

  beforeAll(async () => {
    setStoreBackend(localBackend(dir));
    ({ company, admin } = await companyWithAdmin(db()));
    other = await companyWithAdmin(db());
  });
  afterAll(() => {
    setStoreBackend(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const upload = (req: Request, who = { userId: admin.id, companyId: company.id }) => uploadDocument(db(), who, req);
  const rowsOf = async (companyId: string) => db().select().from(documents).where(eq(documents.companyId, companyId));

  it('stores a PNG renamed .pdf as a PNG (type from the content, not the name nor the browser), encrypted at rest', async () => {
    const plain = pngBytes();
    const result = await upload(uploadRequest({ titre: '  Plan   du chantier ', file: { bytes: plain, name: 'plan du chantier.pdf', type: 'application/pdf' } }));
    expect(result).toMatchObject({ ok: true, title: 'Plan du chantier', fileName: 'plan du chantier.png', contentType: 'image/png' });
    if (!result.ok) throw new Error('refused');

    const [row] = await db().select().from(documents).where(eq(documents.id, result.id));
    expect(row).toMatchObject({ kind: 'upload', contentType: 'image/png', fileName: 'plan du chantier.png', sizeBytes: plain.length, createdByUserId: admin.id });
    expect(row!.sha256).toBe(crypto.createHash('sha256').update(plain).digest('hex'));

    // On disk: not the plain bytes, not even the PNG signature.
    const sealed = fs.readFileSync(path.join(dir, row!.storageKey));
    expect(sealed.includes(plain)).toBe(false);
    expect(sealed.includes(plain.subarray(0, 8))).toBe(false);
    expect(sealed.length).toBeGreaterThan(plain.length);

    const back = await getDocumentForUser(db(), admin.id, result.id);
    expect(back).toMatchObject({ contentType: 'image/png', fileName: 'plan du chantier.png' });
    expect(back!.bytes.equals(plain)).toBe(true);

    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'document_upload'), eq(auditLog.subjectOrganisationId, company.id)));
    expect(audit).toMatchObject({ outcome: 'success', actorUserId: admin.id, actorOrganisationId: company.id });
  });

  it('accepts a PDF and a JPEG; refuses HTML, an empty file, a missing file or title, each at its field', async () => {
    const pdf = await upload(uploadRequest({ titre: 'Kbis', file: { bytes: pdfBytes(), name: 'kbis.PDF', type: 'application/pdf' } }));
    expect(pdf).toMatchObject({ ok: true, contentType: 'application/pdf', fileName: 'kbis.pdf' });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
    expect(await upload(uploadRequest({ titre: 'Photo', file: { bytes: jpeg, name: 'photo', type: '' } }))).toMatchObject({ ok: true, contentType: 'image/jpeg', fileName: 'photo.jpg' });

    const before = (await rowsOf(company.id)).length;
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    expect(await upload(uploadRequest({ titre: 'Facture', file: { bytes: html, name: 'facture.pdf', type: 'application/pdf' } }))).toEqual({
      ok: false,
      errors: { fichier: 'file_type' },
      title: 'Facture',
    });
    expect(await upload(uploadRequest({ titre: 'Vide', file: { bytes: new Uint8Array(), name: 'vide.pdf', type: 'application/pdf' } }))).toMatchObject({ ok: false, errors: { fichier: 'file_empty' } });
    expect(await upload(uploadRequest({ titre: 'Rien' }))).toMatchObject({ ok: false, errors: { fichier: 'file_missing' } });
    expect(await upload(uploadRequest({ titre: '   ', file: { bytes: pdfBytes(), name: 'a.pdf', type: 'application/pdf' } }))).toMatchObject({ ok: false, errors: { titre: 'title_missing' } });
    expect((await rowsOf(company.id)).length).toBe(before);
  });

  it('refuses a file of 10 MB + 1 byte, and stops reading an endless body past the limit', async () => {
    const before = (await rowsOf(company.id)).length;
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    pdfBytes().copy(big);
    expect(await upload(uploadRequest({ titre: 'Trop gros', file: { bytes: big, name: 'gros.pdf', type: 'application/pdf' } }))).toMatchObject({
      ok: false,
      errors: { fichier: 'file_too_large' },
    });
    // Exactly 10 MB passes.
    const limit = Buffer.alloc(MAX_UPLOAD_BYTES);
    pdfBytes().copy(limit);
    expect(await upload(uploadRequest({ titre: 'Juste', file: { bytes: limit, name: 'juste.pdf', type: 'application/pdf' } }))).toMatchObject({ ok: true });

    // No Content-Length, a body that never ends: refused after about 10 MB read, not buffered to the end.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = new Uint8Array(1024 * 1024);
        if (pulled === 0) chunk.set(Buffer.from('--b\r\nContent-Disposition: form-data; name="fichier"; filename="x.pdf"\r\n\r\n%PDF-'));
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
        if (pulled > 200 * 1024 * 1024) controller.close();
      },
    });
    const req = new Request(UPLOAD_URL, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b' }, body: endless, duplex: 'half' } as RequestInit);
    expect(await upload(req)).toMatchObject({ ok: false, errors: { fichier: 'file_too_large' } });
    expect(pulled).toBeLessThan(MAX_UPLOAD_BYTES + 4 * 1024 * 1024);
    // A declared length past the limit is refused before reading.
    const declared = new Request(UPLOAD_URL, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(50 * 1024 * 1024) }, body: 'x' });
    expect(await upload(declared)).toMatchObject({ ok: false, errors: { fichier: 'file_too_large' } });
    expect((await rowsOf(company.id)).length).toBe(before + 1);
  });

  it('an upload interrupted half way leaves neither row nor file', async () => {
    const isolated = await companyWithAdmin(db());
    const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'espace-docs-cut-'));
    setStoreBackend(localBackend(storeDir));
    try {
      const full = uploadRequest({ titre: 'Coupé', file: { bytes: Buffer.concat([pdfBytes(), Buffer.alloc(2 * 1024 * 1024)]), name: 'coupe.pdf', type: 'application/pdf' } });
      const contentType = full.headers.get('content-type')!;
      const bytes = new Uint8Array(await full.arrayBuffer());
      const half = bytes.subarray(0, Math.floor(bytes.length / 2));
      const cut = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(half.subarray(0, 65_536));
          controller.enqueue(half.subarray(65_536));
          // The client went away: the socket closes before the end of the body.
          controller.error(new Error('aborted'));
        },
      });
      const req = new Request(UPLOAD_URL, { method: 'POST', headers: { 'content-type': contentType }, body: cut, duplex: 'half' } as RequestInit);
      const result = await uploadDocument(db(), { userId: isolated.admin.id, companyId: isolated.company.id }, req);
      expect(result).toMatchObject({ ok: false, errors: { fichier: 'interrupted' } });
      expect(await rowsOf(isolated.company.id)).toEqual([]);
      expect(filesUnder(storeDir)).toEqual([]);
    } finally {
      setStoreBackend(localBackend(dir));
      fs.rmSync(storeDir, { recursive: true, force: true });
    }
  });

  it('gives another company’s user, a collaborator without the right, a firm without delegation nothing (404); readers read, only writers upload', async () => {
    const stored = await upload(uploadRequest({ titre: 'Confidentiel', file: { bytes: pdfBytes(), name: 'c.pdf', type: 'application/pdf' } }));
    if (!stored.ok) throw new Error('refused');
    const id = stored.id;

    const noRight = await createUser(db());
    await addMember(db(), company.id, noRight.id, 'collaborator', { declarations: 'write', attestations: 'write' });
    const reader = await createUser(db());
    await addMember(db(), company.id, reader.id, 'collaborator', { documents: 'read' });
    const firmNone = await firmWithAdmin(db());
    const firmOther = await firmWithAdmin(db());
    await insertDelegation(db(), { companyId: company.id, firmId: firmOther.firm.id, areas: { declarations: 'write' }, status: 'active' });
    const firmRevoked = await firmWithAdmin(db());
    await insertDelegation(db(), { companyId: company.id, firmId: firmRevoked.firm.id, areas: { documents: 'write' }, status: 'revoked' });
    const firmDocs = await firmWithAdmin(db());
    await insertDelegation(db(), { companyId: company.id, firmId: firmDocs.firm.id, areas: { documents: 'read' }, status: 'active' });

    for (const userId of [other.admin.id, noRight.id, firmNone.admin.id, firmOther.admin.id, firmRevoked.admin.id, null])
      expect(await getDocumentForUser(db(), userId, id), String(userId)).toBeNull();
    expect(await getDocumentForUser(db(), admin.id, crypto.randomUUID())).toBeNull();
    expect(await getDocumentForUser(db(), admin.id, 'not-a-uuid')).toBeNull();
    expect((await getDocumentForUser(db(), reader.id, id))?.fileName).toBe('c.pdf');
    expect((await getDocumentForUser(db(), firmDocs.admin.id, id))?.fileName).toBe('c.pdf');

    // Uploading into another company, or with read-only rights: not found, nothing stored.
    const otherBefore = (await rowsOf(other.company.id)).length;
    const attempt = () => uploadRequest({ titre: 'Intrus', file: { bytes: pdfBytes(), name: 'i.pdf', type: 'application/pdf' } });
    expect(await upload(attempt(), { userId: admin.id, companyId: other.company.id })).toEqual({ ok: false, notFound: true });
    expect(await upload(attempt(), { userId: reader.id, companyId: company.id })).toEqual({ ok: false, notFound: true });
    expect(await upload(attempt(), { userId: firmDocs.admin.id, companyId: company.id })).toEqual({ ok: false, notFound: true });
    expect((await rowsOf(other.company.id)).length).toBe(otherBefore);

    // Another company's id is not deletable from this company.
    expect(await deleteUpload(db(), { userId: other.admin.id, companyId: other.company.id, actorOrganisationId: other.company.id }, id)).toBe(false);
    expect((await readDocument(db(), company.id, id))?.bytes.equals(pdfBytes())).toBe(true);
  });

  it('never lists nor serves the provisional-credential letters (they carry a secret)', async () => {
    const letter = await storeDocument(db(), { companyId: company.id, kind: 'letter', title: 'Courrier code provisoire', fileName: 'courrier.pdf', contentType: 'application/pdf', bytes: pdfBytes() });
    expect(await getDocumentForUser(db(), admin.id, letter.id)).toBeNull();
    const listed = await listCompanyDocuments(db(), { companyId: company.id, includeAttestations: true, pageSize: 500 });
    expect(listed.items.map((i) => i.id)).not.toContain(letter.id);
  });

  it('deletes an upload (row and file), never a generated document', async () => {
    const stored = await upload(uploadRequest({ titre: 'À supprimer', file: { bytes: pngBytes(), name: 's.png', type: 'image/png' } }));
    if (!stored.ok) throw new Error('refused');
    const [row] = await db().select().from(documents).where(eq(documents.id, stored.id));
    expect(fs.existsSync(path.join(dir, row!.storageKey))).toBe(true);

    expect(await deleteUpload(db(), { userId: admin.id, companyId: company.id, actorOrganisationId: company.id }, stored.id)).toBe(true);
    expect(await db().select().from(documents).where(eq(documents.id, stored.id))).toEqual([]);
    expect(fs.existsSync(path.join(dir, row!.storageKey))).toBe(false);
    expect(await getDocumentForUser(db(), admin.id, stored.id)).toBeNull();
    expect(await deleteUpload(db(), { userId: admin.id, companyId: company.id, actorOrganisationId: company.id }, stored.id)).toBe(false);

    const receipt = await storeDocument(db(), { companyId: company.id, kind: 'declaration_receipt', title: 'Accusé de réception', fileName: 'ar.pdf', contentType: 'application/pdf', bytes: pdfBytes() });
    expect(await deleteUpload(db(), { userId: admin.id, companyId: company.id, actorOrganisationId: company.id }, receipt.id)).toBe(false);
    expect(fs.existsSync(path.join(dir, receipt.storageKey))).toBe(true);
  });

  it('lists documents and attestations in one list, newest first, filtered by type, page by page', async () => {
    const c = await companyWithAdmin(db());
    const at = (iso: string) => new Date(iso);
    const add = async (kind: 'upload' | 'sepa_mandate' | 'account_statement', title: string, when: string) => {
      const { id } = await storeDocument(db(), { companyId: c.company.id, kind, title, fileName: `${title}.pdf`, contentType: 'application/pdf', bytes: pdfBytes() });
      await db().update(documents).set({ createdAt: at(when) }).where(eq(documents.id, id));
    };
    await add('sepa_mandate', 'Mandat', '2026-01-10T10:00:00Z');
    await add('upload', 'Kbis', '2026-03-10T10:00:00Z');
    await add('account_statement', 'Relevé', '2026-05-10T10:00:00Z');
    await db().insert(attestations).values({
      number: `ATT-2026-${String(crypto.randomInt(100000, 999999))}`,
      code: crypto.randomBytes(8).toString('hex').toUpperCase(),
      companyId: c.company.id,
      companyName: 'X',
      siret: '00000000000000',
      addressLine: 'a',
      postcode: '54000',
      city: 'Nancy',
      issuedAt: at('2026-04-01T08:00:00Z'),
      issuedOn: '2026-04-01',
      validUntil: '2026-07-01',
      kid: 'k',
      signedPayload: 'p',
      pdf: pdfBytes(),
      pdfSha256: 'x',
    });

    const all = await listCompanyDocuments(db(), { companyId: c.company.id, includeAttestations: true });
    expect(all.items.map((i) => [i.type, i.title.split(' ')[0]])).toEqual([
      ['account_statement', 'Relevé'],
      ['attestation', 'Attestation'],
      ['upload', 'Kbis'],
      ['sepa_mandate', 'Mandat'],
    ]);
    expect(all.items[1]!.href).toMatch(/^\/espace\/attestations\/ATT-2026-\d{6}\/pdf$/);
    expect(all.items.map((i) => i.isUpload)).toEqual([false, false, true, false]);
    expect((await listCompanyDocuments(db(), { companyId: c.company.id, includeAttestations: false })).items.map((i) => i.type)).not.toContain('attestation');
    expect((await listCompanyDocuments(db(), { companyId: c.company.id, type: 'upload', includeAttestations: true })).items.map((i) => i.title)).toEqual(['Kbis']);
    expect((await listCompanyDocuments(db(), { companyId: c.company.id, type: 'attestation', includeAttestations: true })).items).toHaveLength(1);

    const p1 = await listCompanyDocuments(db(), { companyId: c.company.id, includeAttestations: true, pageSize: 3 });
    const p2 = await listCompanyDocuments(db(), { companyId: c.company.id, includeAttestations: true, pageSize: 3, page: 2 });
    expect([p1.hasMore, p2.hasMore]).toEqual([true, false]);
    expect([...p1.items, ...p2.items].map((i) => i.key)).toEqual(all.items.map((i) => i.key));
    // Nothing of another company.
    expect((await listCompanyDocuments(db(), { companyId: other.company.id, includeAttestations: true })).items.map((i) => i.title)).not.toContain('Kbis');
  });
});

/**
 * A tiny S3: path-style PUT/GET/DELETE of objects, each request's SigV4 signature recomputed from what
 * arrived (tests/unit/documents-sigv4.test.ts ties that code to AWS's published example).
 */
async function startFakeS3(creds: { accessKeyId: string; secretAccessKey: string; region: string }) {
  const objects = new Map<string, Buffer>();
  const seen: string[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url!, 'http://fake');
    const auth = parseAuthorization(req.headers.authorization);
    const timestamp = String(req.headers['x-amz-date'] ?? '');
    const payload = String(req.headers['x-amz-content-sha256'] ?? '');
    const deny = (code: string) => {
      seen.push(`${req.method} denied ${code}`);
      res.writeHead(403, { 'content-type': 'application/xml' }).end(`<Error><Code>${code}</Code></Error>`);
    };
    if (!auth || auth.accessKeyId !== creds.accessKeyId || auth.scope !== `${timestamp.slice(0, 8)}/${creds.region}/s3/aws4_request`) return deny('InvalidAccessKeyId');
    if (payload !== sha256Hex(body)) return deny('XAmzContentSHA256Mismatch');
    const headers = Object.fromEntries(auth.signedHeaders.map((h) => [h, String(req.headers[h] ?? '')]));
    const expected = signature({ method: req.method!, path: decodeURIComponent(url.pathname), query: url.searchParams, headers, payloadSha256: payload }, { ...creds, service: 's3' }, timestamp);
    if (!auth.signedHeaders.includes('host') || expected.signature !== auth.signature) return deny('SignatureDoesNotMatch');
    seen.push(`${req.method} ${url.pathname}`);
    const key = url.pathname;
    if (req.method === 'PUT') {
      objects.set(key, body);
      return res.writeHead(200).end();
    }
    if (req.method === 'GET') {
      const found = objects.get(key);
      if (!found) return res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
      return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(found);
    }
    if (req.method === 'DELETE') {
      objects.delete(key);
      return res.writeHead(204).end();
    }
    res.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { endpoint, objects, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(engines)('the document store on S3-compatible storage (%s)', (engine) => {
  const db = useTestDatabase(engine);
  const creds = { accessKeyId: 'AKIDTESTDOCUMENTS', secretAccessKey: crypto.randomBytes(20).toString('base64'), region: 'eu-west-3' };
  let s3: Awaited<ReturnType<typeof startFakeS3>>;

  beforeAll(async () => {
    s3 = await startFakeS3(creds);
  });
  afterAll(async () => {
    setStoreBackend(undefined);
    await s3.close();
  });

  it('uploads, downloads and deletes through signed path-style requests; objects are encrypted', async () => {
    setStoreBackend(s3Backend({ bucket: 'espace-docs', endpoint: s3.endpoint, ...creds }));
    const { company, admin } = await companyWithAdmin(db());
    const plain = pngBytes();
    const result = await uploadDocument(db(), { userId: admin.id, companyId: company.id }, uploadRequest({ titre: 'Sur S3', file: { bytes: plain, name: 's3.pdf', type: 'application/pdf' } }));
    if (!result.ok) throw new Error('refused');
    const [row] = await db().select().from(documents).where(eq(documents.id, result.id));
    const objectPath = `/espace-docs/${row!.storageKey}`;
    expect(s3.seen).toContain(`PUT ${objectPath}`);
    expect(s3.objects.get(objectPath)!.includes(plain)).toBe(false);

    const back = await getDocumentForUser(db(), admin.id, result.id);
    expect(back?.contentType).toBe('image/png');
    expect(back!.bytes.equals(plain)).toBe(true);
    expect(s3.seen).toContain(`GET ${objectPath}`);

    expect(await deleteUpload(db(), { userId: admin.id, companyId: company.id, actorOrganisationId: company.id }, result.id)).toBe(true);
    expect(s3.objects.has(objectPath)).toBe(false);
    expect(s3.seen.filter((s) => s.includes('denied'))).toEqual([]);
  });

  it('a wrong secret is refused by the server, and the upload stores nothing', async () => {
    setStoreBackend(s3Backend({ bucket: 'espace-docs', endpoint: s3.endpoint, ...creds, secretAccessKey: 'not-the-secret' }));
    const { company, admin } = await companyWithAdmin(db());
    await expect(
      uploadDocument(db(), { userId: admin.id, companyId: company.id }, uploadRequest({ titre: 'Refusé', file: { bytes: pdfBytes(), name: 'r.pdf', type: 'application/pdf' } })),
    ).rejects.toThrow(/S3 PUT failed: HTTP 403 SignatureDoesNotMatch/);
    expect(await db().select().from(documents).where(eq(documents.companyId, company.id))).toEqual([]);
  });
});
