import 'server-only';
import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attestations, documents } from '@/db/schema';
import { authorize } from '@/lib/access';
import { HIDDEN_KINDS, type ListedType } from './rules';
import { decryptDocument, getStoreBackend } from './store';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One line of « Mes documents »: a stored document, or an attestation (served by its own route). */
export type DocumentListItem = {
  key: string;
  id: string;
  type: ListedType;
  title: string;
  fileName: string;
  sizeBytes: number;
  createdAt: Date;
  href: string;
  /** Members may delete what they uploaded, never what the space produced. */
  isUpload: boolean;
};

export type DocumentPage = { items: DocumentListItem[]; hasMore: boolean };

/**
 * The company's documents, newest first, one page at a time: rows of `documents` (never the letters,
 * which carry a secret) and, when `includeAttestations` (the actor may read them), its attestations.
 * Each source gives at most `offset + pageSize + 1` rows, merged here: enough to know the page and
 * whether another follows, without a UNION whose column types differ between the tables.
 */
export async function listCompanyDocuments(
  db: Db,
  options: { companyId: string; type?: ListedType | null; includeAttestations: boolean; page?: number; pageSize?: number },
): Promise<DocumentPage> {
  const pageSize = options.pageSize ?? 20;
  const offset = Math.max(0, (options.page ?? 1) - 1) * pageSize;
  const take = offset + pageSize + 1;
  const type = options.type ?? null;

  const stored = await db
    .select({
      id: documents.id,
      kind: documents.kind,
      title: documents.title,
      fileName: documents.fileName,
      sizeBytes: documents.sizeBytes,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .where(and(eq(documents.companyId, options.companyId), notInArray(documents.kind, [...HIDDEN_KINDS]), type ? eq(documents.kind, type) : undefined))
    .orderBy(desc(documents.createdAt), desc(documents.id))
    .limit(take);

  const withAttestations = options.includeAttestations && (type === null || type === 'attestation');
  const issued = withAttestations
    ? await db
        .select({
          id: attestations.id,
          number: attestations.number,
          issuedAt: attestations.issuedAt,
          sizeBytes: sql<number>`octet_length(${attestations.pdf})::int`,
        })
        .from(attestations)
        .where(eq(attestations.companyId, options.companyId))
        .orderBy(desc(attestations.issuedAt), desc(attestations.number))
        .limit(take)
    : [];

  const merged: DocumentListItem[] = [
    ...stored.map((d) => ({
      key: `d-${d.id}`,
      id: d.id,
      type: d.kind as ListedType,
      title: d.title,
      fileName: d.fileName,
      sizeBytes: Number(d.sizeBytes),
      createdAt: d.createdAt,
      href: `/espace/documents/${d.id}/fichier`,
      isUpload: d.kind === 'upload',
    })),
    ...issued.map((a) => ({
      key: `a-${a.id}`,
      id: a.id,
      type: 'attestation' as const,
      title: `Attestation de mise à jour ${a.number}`,
      fileName: `attestation-${a.number}.pdf`,
      sizeBytes: Number(a.sizeBytes),
      createdAt: a.issuedAt,
      href: `/espace/attestations/${a.number}/pdf`,
      isUpload: false,
    })),
  ].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.key < y.key ? 1 : -1));

  return { items: merged.slice(offset, offset + pageSize), hasMore: merged.length > offset + pageSize };
}

export type DownloadableDocument = { fileName: string; contentType: string; sha256: string; bytes: Buffer };

/**
 * The plain bytes of a document for a user lib/access allows to read the documents of its company;
 * null for anybody else, for a letter, or for an id that does not exist (the route answers 404 alike).
 */
export async function getDocumentForUser(db: Db, userId: string | null, documentId: string, ip?: string | null): Promise<DownloadableDocument | null> {
  if (!userId || !uuidPattern.test(documentId)) return null;
  const [row] = await db
    .select({ companyId: documents.companyId, kind: documents.kind, fileName: documents.fileName, contentType: documents.contentType, sha256: documents.sha256, storageKey: documents.storageKey })
    .from(documents)
    .where(and(eq(documents.id, documentId), notInArray(documents.kind, [...HIDDEN_KINDS])));
  if (!row) return null;
  const decision = await authorize(db, { userId, companyId: row.companyId, area: 'documents', action: 'read', ip });
  if (!decision.allowed) return null;
  // Decrypted whole (≤ 10 MB) before a byte is sent: GCM authenticates at the end, and a tampered file
  // must fail as an error, not as a truncated download.
  const bytes = decryptDocument(await getStoreBackend().get(row.storageKey), row.storageKey);
  return { fileName: row.fileName, contentType: row.contentType, sha256: row.sha256, bytes };
}
