import { parse } from 'csv-parse/sync';
import { normalizeHeader } from '@/lib/companies/member-import';
import { workerSchema, type SchemaOptions, type WorkerInput } from './schemas';

// The CSV import of « Salariés », pure (no I/O): the route reads the file, this module says which rows
// are importable and why the others are not; the mutation imports the good rows in one transaction.

/** Columns of the model file, in its order; date_sortie is optional. */
export const workerCsvColumns = ['nom', 'prenom', 'date_naissance', 'categorie', 'date_embauche', 'horaire_hebdo', 'date_sortie'] as const;
type Column = (typeof workerCsvColumns)[number];
const requiredColumns: readonly Column[] = workerCsvColumns.filter((c) => c !== 'date_sortie');

/** Largest file and number of rows accepted (a company's staff fits many times over). */
export const MAX_CSV_BYTES = 500_000;
export const MAX_CSV_ROWS = 5_000;

const aliases: Record<string, Column> = {
  nom: 'nom',
  nom_de_famille: 'nom',
  prenom: 'prenom',
  date_naissance: 'date_naissance',
  date_de_naissance: 'date_naissance',
  naissance: 'date_naissance',
  categorie: 'categorie',
  date_embauche: 'date_embauche',
  date_d_embauche: 'date_embauche',
  embauche: 'date_embauche',
  horaire_hebdo: 'horaire_hebdo',
  horaire_hebdomadaire: 'horaire_hebdo',
  horaire: 'horaire_hebdo',
  date_sortie: 'date_sortie',
  date_de_sortie: 'date_sortie',
  sortie: 'date_sortie',
};

/** The form field each column feeds, and its name in messages. */
const fieldOf: Record<Column, { field: keyof WorkerInput; label: string }> = {
  nom: { field: 'lastName', label: 'nom' },
  prenom: { field: 'firstName', label: 'prénom' },
  date_naissance: { field: 'birthDate', label: 'date de naissance' },
  categorie: { field: 'category', label: 'catégorie' },
  date_embauche: { field: 'hiredOn', label: 'date d’embauche' },
  horaire_hebdo: { field: 'weeklyHours', label: 'horaire hebdomadaire' },
  date_sortie: { field: 'leftOn', label: 'date de sortie' },
};
const labelOfField = Object.fromEntries(Object.values(fieldOf).map((f) => [f.field, f.label])) as Record<keyof WorkerInput, string>;

export type CsvRowVerdict = { line: number; ok: true; worker: WorkerInput; label: string } | { line: number; ok: false; errors: string[]; label: string };
export type CsvParseResult = { ok: true; rows: CsvRowVerdict[] } | { ok: false; message: string };

/** The model offered for download: the header and one example row, `;`-separated like French spreadsheets. */
export function workerCsvModel(): string {
  return '\ufeff' + ['nom;prenom;date_naissance;categorie;date_embauche;horaire_hebdo;date_sortie', 'Durand;Kevin;14/03/1988;ouvrier;01/09/2015;35;', 'Petit;Sandrine;1979-11-02;ETAM;15/02/2012;37,5;'].join('\r\n') + '\r\n';
}

/** `;` when the header line has one (French spreadsheets; hours may then have decimal commas), else `,`. */
function detectDelimiter(text: string): ';' | ',' {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes(';') ? ';' : ',';
}

function describeRow(values: Partial<Record<Column, string>>): string {
  return `${(values.prenom ?? '').trim()} ${(values.nom ?? '').trim()}`.trim();
}

/**
 * Reads the file (UTF-8 with or without BOM, `;` or `,`) and validates each row with the form's rules.
 * A row with any error is reported with its line number (the file's, header = line 1) and not imported;
 * the same person twice in the file (name, first name, birth date) is refused on every occurrence.
 */
export function parseWorkersCsv(text: string, options: SchemaOptions = {}): CsvParseResult {
  if (text.replace(/^\ufeff/, '').trim() === '') return { ok: false, message: 'Le fichier est vide.' };
  if (text.includes('\ufffd')) return { ok: false, message: 'Le fichier n’est pas encodé en UTF-8 : enregistrez-le au format « CSV UTF-8 » depuis votre tableur.' };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { ok: false, message: `Le fichier n’est pas un CSV lisible${line ? ` (ligne ${line})` : ''} : vérifiez les guillemets et le séparateur (; ou ,).` };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, message: 'Le fichier est vide.' };
  const columns = header.record.map((h) => aliases[normalizeHeader(h)] ?? null);
  const seen = new Set(columns.filter(Boolean));
  const missing = requiredColumns.filter((c) => !seen.has(c));
  if (missing.length)
    return {
      ok: false,
      message: `Colonne${missing.length > 1 ? 's' : ''} manquante${missing.length > 1 ? 's' : ''} dans la première ligne : ${missing.join(', ')}. Première ligne attendue : ${workerCsvColumns.join(';')}`,
    };
  const rowsWithData = body.filter((r) => r.record.some((v) => v !== ''));
  if (rowsWithData.length === 0) return { ok: false, message: 'Le fichier ne contient aucun salarié (seulement la ligne d’en-tête).' };
  if (rowsWithData.length > MAX_CSV_ROWS) return { ok: false, message: `Le fichier contient ${rowsWithData.length} lignes : ${MAX_CSV_ROWS} au plus par import.` };

  const schema = workerSchema(options);
  const verdicts: CsvRowVerdict[] = rowsWithData.map(({ record, info }) => {
    const values: Partial<Record<Column, string>> = {};
    columns.forEach((c, i) => {
      if (c) values[c] = record[i] ?? '';
    });
    const input = Object.fromEntries(workerCsvColumns.map((c) => [fieldOf[c].field, values[c] ?? '']));
    const label = describeRow(values);
    const parsed = schema.safeParse(input);
    if (parsed.success) return { line: info.lines, ok: true, worker: parsed.data, label };
    const errors = parsed.error.issues.map((i) => `${labelOfField[i.path[0] as keyof WorkerInput] ?? 'ligne'} : ${i.message}`);
    return { line: info.lines, ok: false, errors, label };
  });

  const linesByPerson = new Map<string, number[]>();
  for (const v of verdicts) if (v.ok) linesByPerson.set(personKey(v.worker), [...(linesByPerson.get(personKey(v.worker)) ?? []), v.line]);
  return {
    ok: true,
    rows: verdicts.map((v) => {
      if (!v.ok) return v;
      const lines = linesByPerson.get(personKey(v.worker))!;
      return lines.length > 1 ? { line: v.line, ok: false, errors: [`même salarié en double dans le fichier (lignes ${lines.join(', ')})`], label: v.label } : v;
    }),
  };
}

/** Who a row is: name, first name and birth date, case and accents aside. */
export function personKey(w: Pick<WorkerInput, 'lastName' | 'firstName' | 'birthDate'>): string {
  const n = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return `${n(w.lastName)}|${n(w.firstName)}|${w.birthDate}`;
}
