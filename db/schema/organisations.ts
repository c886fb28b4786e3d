import { boolean, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { timestamps } from './columns';
import { departments } from './reference';

export const organisationKind = pgEnum('organisation_kind', ['company', 'accounting_firm']);

/** Member companies (adhérents) and accounting firms (tiers-déclarants) are both organisations with a SIRET. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: organisationKind('kind').notNull(),
    siret: text('siret').notNull(),
    name: text('name').notNull(),
    addressLine: text('address_line').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    departmentCode: text('department_code').references(() => departments.code),
    /** Numéro d'adhérent; only member companies have one. */
    membershipNumber: text('membership_number'),
    contactEmail: text('contact_email'),
    /** Set when the secure space was created through the first-connection wizard. */
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    /** The previous space showed a delegation to an accounting firm: it must be renewed. */
    hadLegacyDelegation: boolean('had_legacy_delegation').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organisations_siret_uq').on(t.siret),
    uniqueIndex('organisations_membership_number_uq').on(t.membershipNumber).where(sql`${t.membershipNumber} is not null`),
    index('organisations_kind_idx').on(t.kind),
  ],
);

export const userStatus = pgEnum('user_status', ['pending', 'active', 'disabled']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased: the login identifier. */
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    civility: text('civility'),
    status: userStatus('status').notNull().default('pending'),
    isCaisseStaff: boolean('is_caisse_staff').notNull().default(false),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

export const memberRole = pgEnum('member_role', ['admin', 'collaborator']);

export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    /** A collaborator's rights per area (an administrator has every right). */
    rights: jsonb('rights').$type<Partial<Record<string, 'read' | 'write'>>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_members_user_idx').on(t.userId)],
);
