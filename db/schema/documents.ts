import { bigint, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { organisations, users } from './organisations';

export const documentKind = pgEnum('document_kind', [
  'letter',
  'declaration_receipt',
  'sepa_mandate',
  'account_statement',
  'attestation',
  'leave_certificate',
  'upload',
]);

/**
 * « Mes documents »: every file the space produces or a member uploads. The bytes live encrypted
 * (AES-256-GCM) in the document store (local disk, or S3-compatible storage when configured) under
 * `storage_key`; this row is the index. `sha256` is of the plain bytes.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    kind: documentKind('kind').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    /** What produced it (e.g. the declaration or worker id), for links and de-duplication. */
    sourceId: uuid('source_id'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('documents_company_idx').on(t.companyId, t.createdAt), index('documents_source_idx').on(t.sourceId)],
);
