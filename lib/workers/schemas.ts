import { z } from 'zod';
import { todayInFrance } from '@/lib/format';

// Forms of « Salariés » (add, edit, exit) and the rows of the CSV import: one set of rules, pure,
// importable by client code. Dates come in as AAAA-MM-JJ (date fields) or JJ/MM/AAAA (typed, CSV).

export const workerCategories = ['ouvrier', 'etam', 'cadre'] as const;
export type WorkerCategory = (typeof workerCategories)[number];
export const categoryLabels: Record<WorkerCategory, string> = { ouvrier: 'Ouvrier', etam: 'ETAM', cadre: 'Cadre' };

/** Youngest age at which someone can be hired (apprentices from 14 in the trades, with derogations). */
export const MIN_HIRE_AGE = 14;
export const MAX_AGE = 100;
export const WEEKLY_HOURS_MIN = 1;
export const WEEKLY_HOURS_MAX = 48;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const frenchDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** « 14/03/1988 », « 1988-03-14 » → « 1988-03-14 »; null when not a real calendar day (31/02, 2026-13-01). */
export function parseDay(value: string): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  const iso = isoDate.exec(v);
  const fr = frenchDate.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (fr) [y, m, d] = [Number(fr[3]), Number(fr[2]), Number(fr[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The same day `years` later (29 February → 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** « 1988-03-14 » → « 14/03/1988 » (messages). */
export function frenchDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** « ETAM », « Étam », « ouvriers », « CADRE » → the category; null otherwise. */
export function parseCategory(value: string): WorkerCategory | null {
  const v = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/s$/, '');
  return (workerCategories as readonly string[]).includes(v) ? (v as WorkerCategory) : null;
}

/** « 35 », « 35,5 », « 37.50 » → 35.5 (two decimals at most); null otherwise. */
export function parseHours(value: string): number | null {
  const v = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(v)) return null;
  return Number(v);
}

const name = (what: 'le nom' | 'le prénom') =>
  z
    .string()
    .transform((v) => v.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, `Indiquez ${what}.`)
        .max(100, '100 caractères au plus.')
        .regex(/^$|^[\p{L}][\p{L}\p{M}' ’.-]*$/u, `Seuls des lettres, espaces, tirets et apostrophes sont acceptés dans ${what}.`),
    );

const day = (missing: string) =>
  z.string().transform((v, ctx) => {
    if (v.trim() === '') {
      ctx.addIssue({ code: 'custom', message: missing });
      return z.NEVER;
    }
    const parsed = parseDay(v);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: 'Date invalide : écrivez-la JJ/MM/AAAA (exemple : 14/03/1988).' });
      return z.NEVER;
    }
    return parsed;
  });

const optionalDay = z.string().transform((v, ctx) => {
  if (v.trim() === '') return null;
  const parsed = parseDay(v);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'Date invalide : écrivez-la JJ/MM/AAAA (exemple : 31/12/2026).' });
    return z.NEVER;
  }
  return parsed;
});

const category = z.string().transform((v, ctx) => {
  const c = parseCategory(v);
  if (!c) {
    ctx.addIssue({ code: 'custom', message: v.trim() === '' ? 'Choisissez la catégorie : ouvrier, ETAM ou cadre.' : 'Catégorie inconnue : ouvrier, ETAM ou cadre.' });
    return z.NEVER;
  }
  return c;
});

const weeklyHours = z.string().transform((v, ctx) => {
  if (v.trim() === '') {
    ctx.addIssue({ code: 'custom', message: 'Indiquez l’horaire hebdomadaire contractuel (exemple : 35).' });
    return z.NEVER;
  }
  const h = parseHours(v);
  if (h === null || h < WEEKLY_HOURS_MIN || h > WEEKLY_HOURS_MAX) {
    ctx.addIssue({ code: 'custom', message: `L’horaire hebdomadaire doit être compris entre ${WEEKLY_HOURS_MIN} et ${WEEKLY_HOURS_MAX} heures (exemple : 35 ou 35,5).` });
    return z.NEVER;
  }
  return h;
});

/** A value that parsed as a date (when another field failed, the others still arrive, some unparsed). */
const isDay = (v: unknown): v is string => typeof v === 'string' && parseDay(v) === v;

/**
 * Checks between the dates of one worker, against today (French calendar day). Runs even when another
 * field has an error (zod's `when`), so the form shows every problem at once; each check needs its own
 * dates to have parsed.
 */
function checkDates(v: { birthDate: unknown; hiredOn: unknown; leftOn: unknown }, today: string, ctx: z.RefinementCtx) {
  const { birthDate, hiredOn, leftOn } = v;
  if (isDay(birthDate)) {
    if (birthDate > addYears(today, -MIN_HIRE_AGE))
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: `Date de naissance peu plausible : le salarié aurait moins de ${MIN_HIRE_AGE} ans.` });
    else if (birthDate < addYears(today, -MAX_AGE))
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: `Date de naissance peu plausible : le salarié aurait plus de ${MAX_AGE} ans.` });
    else if (isDay(hiredOn) && hiredOn < addYears(birthDate, MIN_HIRE_AGE))
      ctx.addIssue({
        code: 'custom',
        path: ['hiredOn'],
        message: `La date d’embauche doit suivre les ${MIN_HIRE_AGE} ans du salarié (au plus tôt le ${frenchDay(addYears(birthDate, MIN_HIRE_AGE))}).`,
      });
  }
  if (isDay(hiredOn) && hiredOn > addYears(today, 1)) ctx.addIssue({ code: 'custom', path: ['hiredOn'], message: 'La date d’embauche ne peut pas dépasser d’un an la date du jour.' });
  if (isDay(hiredOn) && isDay(leftOn)) checkExit({ hiredOn, leftOn }, today, ctx);
}

/** What is wrong with an exit date, or null (also asked by the mutation, which reads the hire date from the database). */
export function exitDateError(hiredOn: string, leftOn: string, today: string): string | null {
  if (leftOn < hiredOn) return `La date de sortie ne peut pas précéder la date d’embauche (${frenchDay(hiredOn)}).`;
  if (leftOn > addYears(today, 1)) return 'La date de sortie ne peut pas dépasser d’un an la date du jour.';
  return null;
}

function checkExit(v: { hiredOn: string; leftOn: string }, today: string, ctx: z.RefinementCtx) {
  const message = exitDateError(v.hiredOn, v.leftOn, today);
  if (message) ctx.addIssue({ code: 'custom', path: ['leftOn'], message });
}

export type SchemaOptions = {
  /** Today's French date (YYYY-MM-DD), asked at each parse; tests pass a fixed day. */
  today?: () => string;
};

const workerShape = {
  lastName: name('le nom'),
  firstName: name('le prénom'),
  birthDate: day('Indiquez la date de naissance.'),
  category,
  hiredOn: day('Indiquez la date d’embauche.'),
  weeklyHours,
  leftOn: optionalDay.optional().transform((v) => v ?? null),
};

/** A worker as typed in the form or read from a CSV row (field names = the form's). */
export function workerSchema(options: SchemaOptions = {}) {
  const today = options.today ?? (() => todayInFrance());
  return z.object(workerShape).superRefine((v, ctx) => checkDates(v, today(), ctx), { when: () => true });
}
export const workerFormSchema = workerSchema();
export type WorkerInput = z.output<typeof workerFormSchema>;

const workerId = z.uuid('Salarié introuvable.');

export function updateWorkerSchema(options: SchemaOptions = {}) {
  const today = options.today ?? (() => todayInFrance());
  return z.object({ workerId, ...workerShape }).superRefine((v, ctx) => checkDates(v, today(), ctx), { when: () => true });
}
export const updateWorkerFormSchema = updateWorkerSchema();
export type UpdateWorkerInput = z.output<typeof updateWorkerFormSchema>;

/** « Enregistrer une sortie »: the date is checked against the hire date in the mutation (it is in the database). */
export const recordExitSchema = z.object({ workerId, exitOn: day('Indiquez la date de sortie.') });
export type RecordExitInput = z.output<typeof recordExitSchema>;

/** Filters of the list: « actifs » (no exit date, or one still to come), « sortis », « tous ». */
export const workerListFilterSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .catch('')
    .optional()
    .transform((v) => v ?? ''),
  statut: z.enum(['actifs', 'sortis', 'tous']).catch('actifs').optional().transform((v) => v ?? 'actifs'),
});
export type WorkerListFilter = z.output<typeof workerListFilterSchema>;
