import { boolean, check, date, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { timestamps } from './columns';

/** The caisse running this instance: identity lives in data so another caisse can run the same code. */
export const caisse = pgTable('caisse', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  legalName: text('legal_name').notNull(),
  addressLine: text('address_line').notNull(),
  postcode: text('postcode').notNull(),
  city: text('city').notNull(),
  phone: text('phone').notNull(),
  email: text('email').notNull(),
  website: text('website').notNull(),
  siret: text('siret').notNull(),
  ...timestamps,
});

export const caisseSites = pgTable('caisse_sites', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  addressLine: text('address_line').notNull(),
  postcode: text('postcode').notNull(),
  city: text('city').notNull(),
  phone: text('phone').notNull(),
  openingHours: text('opening_hours').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  ...timestamps,
});

/** Departments of the circonscription and the site serving each. */
export const departments = pgTable(
  'departments',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => caisseSites.id),
    isAlsaceMoselle: boolean('is_alsace_moselle').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('departments_site_idx').on(t.siteId)],
);

export const keyDateKind = pgEnum('key_date_kind', [
  'leave_registration_deadline',
  'space_closure',
  'space_opening',
  'leave_payments_resume',
]);

export const keyDates = pgTable(
  'key_dates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: keyDateKind('kind').notNull(),
    label: text('label').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Inclusive end of a range; null for a single day. */
    endsOn: date('ends_on', { mode: 'string' }),
    /** Wording shown when only an approximate date is known, e.g. « Fin janvier 2021 ». */
    displayDate: text('display_date'),
    ...timestamps,
  },
  (t) => [
    index('key_dates_kind_starts_idx').on(t.kind, t.startsOn),
    check('key_dates_range_check', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);
