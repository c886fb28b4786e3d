import { date, index, numeric, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { organisations } from './organisations';

export const workerCategory = pgEnum('worker_category', ['ouvrier', 'etam', 'cadre']);

/** Salariés of a member company. */
export const workers = pgTable(
  'workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    category: workerCategory('category').notNull(),
    hiredOn: date('hired_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    weeklyHours: numeric('weekly_hours', { precision: 5, scale: 2 }).notNull().default('35'),
    ...timestamps,
  },
  (t) => [index('workers_company_idx').on(t.companyId, t.lastName)],
);
