import 'server-only';
import { and, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '@/db/client';
import { documents } from '@/db/schema';
import { authorize, getAccessFacts } from '@/lib/access';
import { recordAudit } from '@/lib/audit';
import {
  checkTitle,
  isAcceptedUploadType,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_REQUEST_BYTES,
  storedFileName,
  uploadErrors,
  type UploadErrorCode,
} from './rules';
import { getStoreBackend, storeDocument } from './store';

type Who = { userId: string; companyId: string; ip?: string | null; userAgent?: string | null };

export type UploadResult =
  | { ok: true; id: string; title: string; fileName: string; contentType: string }
  | { ok: false; notFound: true }
  | { ok: false; notFound?: false; errors: Partial<Record<'fichier' | 'titre', UploadErrorCode>>; title: string };

class TooLarge extends Error {}

/** The request body, counted as it arrives: past `limit` bytes the stream fails (nothing more is read). */
function limitStream(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(new TooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** The firm acting, if the actor is not a member of the company (for the audit). */
async function actorOrganisation(db: Db, userId: string, companyId: string): Promise<string | null> {
  const facts = await getAccessFacts(db, userId, companyId);
  return facts.membership ? companyId : (facts.actorFirmId ?? null);
}

/**
 * « Déposer un document »: a multipart request with `titre` and `fichier`. In order: may the actor
 * write the company's documents (else « not found ») → read the body with a byte counter that stops past
 * 10 MB plus the envelope (an endless body is never buffered) → check the title, the size and the type
 * found in the content (file-type; the name and the browser's claim are ignored) → encrypt and store.
 * Nothing is written before the whole body has arrived and passed: an upload interrupted half way
 * leaves neither row nor file.
 */
export async function uploadDocument(db: Db, who: Who, request: Request): Promise<UploadResult> {
  const decision = await authorize(db, { userId: who.userId, companyId: who.companyId, area: 'documents', action: 'write', ip: who.ip });
  if (!decision.allowed) return { ok: false, notFound: true };

  const refuse = (errors: Partial<Record<'fichier' | 'titre', UploadErrorCode>>, title = ''): UploadResult => ({ ok: false, errors, title });
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > MAX_UPLOAD_REQUEST_BYTES) return refuse({ fichier: 'file_too_large' });
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data;/i.test(contentType) || !request.body) return refuse({ fichier: 'file_missing' });

  let form: FormData;
  try {
    form = await new Request('http://upload.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: limitStream(request.body, MAX_UPLOAD_REQUEST_BYTES),
      duplex: 'half',
    } as RequestInit).formData();
  } catch (error) {
    return refuse({ fichier: error instanceof TooLarge || (error as { cause?: unknown })?.cause instanceof TooLarge ? 'file_too_large' : 'interrupted' });
  }

  const titleCheck = checkTitle(form.get('titre'));
  const rawTitle = typeof form.get('titre') === 'string' ? (form.get('titre') as string).slice(0, 500) : '';
  const errors: Partial<Record<'fichier' | 'titre', UploadErrorCode>> = {};
  if (!titleCheck.ok) errors.titre = titleCheck.code;

  const file = form.get('fichier');
  let bytes: Buffer | null = null;
  let detected: string | undefined;
  if (!(file instanceof Blob) || (file.size === 0 && !(file as File).name)) errors.fichier = 'file_missing';
  else if (file.size === 0) errors.fichier = 'file_empty';
  else if (file.size > MAX_UPLOAD_BYTES) errors.fichier = 'file_too_large';
  else {
    bytes = Buffer.from(await file.arrayBuffer());
    detected = (await fileTypeFromBuffer(bytes))?.mime;
    if (!isAcceptedUploadType(detected)) errors.fichier = 'file_type';
  }
  if (!titleCheck.ok || errors.fichier || !bytes || !isAcceptedUploadType(detected)) return refuse(errors, rawTitle);

  const fileName = storedFileName((file as File).name ?? '', detected);
  const actorOrganisationId = await actorOrganisation(db, who.userId, who.companyId);
  const { id } = await db.transaction(async (tx) => {
    const stored = await storeDocument(tx, {
      companyId: who.companyId,
      kind: 'upload',
      title: titleCheck.title,
      fileName,
      contentType: detected,
      bytes: bytes!,
      createdByUserId: who.userId,
    });
    await recordAudit(tx, {
      action: 'document_upload',
      outcome: 'success',
      actorUserId: who.userId,
      actorOrganisationId,
      subjectOrganisationId: who.companyId,
      ip: who.ip ?? null,
      userAgent: who.userAgent ?? null,
      details: { documentId: stored.id, contentType: detected, sizeBytes: bytes!.byteLength },
    });
    return stored;
  });
  return { ok: true, id, title: titleCheck.title, fileName, contentType: detected };
}

/** The field errors of a refused upload, in French, keyed by field name. */
export function uploadFieldErrors(errors: Partial<Record<'fichier' | 'titre', UploadErrorCode>>): Record<string, string> {
  return Object.fromEntries(Object.values(errors).map((code) => [uploadErrors[code].field, uploadErrors[code].message]));
}

/**
 * Deletes one of the company's uploads (never a document the space produced): the row, then the
 * encrypted file. False when there is no such upload in this company (the caller answers « not found »).
 */
export async function deleteUpload(db: Db, who: Who & { actorOrganisationId: string | null }, documentId: string): Promise<boolean> {
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(documents)
      .where(and(eq(documents.id, documentId), eq(documents.companyId, who.companyId), eq(documents.kind, 'upload')))
      .returning({ storageKey: documents.storageKey, title: documents.title });
    if (!row) return null;
    await recordAudit(tx, {
      action: 'document_delete',
      outcome: 'success',
      actorUserId: who.userId,
      actorOrganisationId: who.actorOrganisationId,
      subjectOrganisationId: who.companyId,
      ip: who.ip ?? null,
      userAgent: who.userAgent ?? null,
      details: { documentId },
    });
    return row;
  });
  if (!removed) return false;
  // After the commit: a file without its row is unreadable anyway, a row without its file would not be.
  await getStoreBackend().delete(removed.storageKey);
  return true;
}
