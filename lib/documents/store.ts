import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { documents } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { s3Backend } from './s3';

// The document store: bytes encrypted with AES-256-GCM (key from configuration, generated in dev),
// written to local disk or S3-compatible storage (./s3.ts, when configured), indexed by `documents`.
// File layout: "ESD1" | 12-byte IV | ciphertext | 16-byte tag; the storage key is the GCM additional
// data, so a file moved under another row's key does not decrypt.

export type DocumentKind = (typeof documents.$inferSelect)['kind'];

export type StoreBackend = {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
};

const MAGIC = Buffer.from('ESD1');

export function localBackend(dir: string): StoreBackend {
  const fileOf = (key: string) => {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error('invalid storage key');
    return path.join(dir, key);
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(tmp, bytes, { mode: 0o600 });
      await fs.rename(tmp, file);
    },
    get: (key) => fs.readFile(fileOf(key)),
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}

let backend: StoreBackend | undefined;
/** S3-compatible storage when DOCUMENTS_S3_BUCKET is configured, else the local folder. */
export function getStoreBackend(): StoreBackend {
  if (!backend) {
    const env = getEnv();
    backend = env.documentsS3 ? s3Backend(env.documentsS3) : localBackend(env.documentsDir);
  }
  return backend;
}
/** Tests and alternative deployments install another backend. */
export function setStoreBackend(b: StoreBackend | undefined): void {
  backend = b;
}

export function encryptDocument(plain: Uint8Array, storageKey: string, key: Buffer = getEnv().documentsEncryptionKey): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(storageKey));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]);
}

export function decryptDocument(sealed: Buffer, storageKey: string, key: Buffer = getEnv().documentsEncryptionKey): Buffer {
  if (sealed.length < MAGIC.length + 12 + 16 || !sealed.subarray(0, 4).equals(MAGIC)) throw new Error('not an encrypted document');
  const iv = sealed.subarray(4, 16);
  const tag = sealed.subarray(sealed.length - 16);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(storageKey));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(16, sealed.length - 16)), decipher.final()]);
}

export type StoreDocumentInput = {
  companyId: string;
  kind: DocumentKind;
  title: string;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  sourceId?: string | null;
  createdByUserId?: string | null;
};

/**
 * Encrypts and writes the bytes, then inserts the index row with `db` (pass the caller's transaction so
 * the document appears with the rest of its work). If the insert fails the file is removed; if the
 * surrounding transaction rolls back later, the orphan file is harmless (unreadable without its row).
 */
export async function storeDocument(db: Db, input: StoreDocumentInput): Promise<{ id: string; storageKey: string }> {
  const id = crypto.randomUUID();
  const storageKey = `${input.companyId}/${id}`;
  const store = getStoreBackend();
  await store.put(storageKey, encryptDocument(input.bytes, storageKey));
  try {
    await db.insert(documents).values({
      id,
      companyId: input.companyId,
      kind: input.kind,
      title: input.title,
      fileName: input.fileName,
      contentType: input.contentType,
      sizeBytes: input.bytes.byteLength,
      sha256: crypto.createHash('sha256').update(input.bytes).digest('hex'),
      storageKey,
      sourceId: input.sourceId ?? null,
      createdByUserId: input.createdByUserId ?? null,
    });
  } catch (error) {
    await store.delete(storageKey).catch(() => {});
    throw error;
  }
  return { id, storageKey };
}

/** The plain bytes of a company's document, or null when it is not that company's (callers answer 404). */
export async function readDocument(db: Db, companyId: string, documentId: string) {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.companyId, companyId)));
  if (!row) return null;
  const bytes = decryptDocument(await getStoreBackend().get(row.storageKey), row.storageKey);
  return { ...row, bytes };
}
