import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { caisse } from './reference';

/**
 * What the « Mentions légales » page needs beyond the caisse's identity. Kept as data, like the caisse
 * itself, so another caisse (or another host) changes rows, not code.
 */
export const caisseLegalNotice = pgTable('caisse_legal_notice', {
  caisseId: integer('caisse_id')
    .primaryKey()
    .references(() => caisse.id, { onDelete: 'cascade' }),
  publicationDirector: text('publication_director').notNull(),
  hostName: text('host_name').notNull(),
  hostAddress: text('host_address').notNull(),
  hostPhone: text('host_phone'),
  /** Contact for personal-data requests (délégué à la protection des données). */
  dataProtectionEmail: text('data_protection_email').notNull(),
  ...timestamps,
});
