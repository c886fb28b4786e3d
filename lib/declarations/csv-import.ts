import { parse } from 'csv-parse/sync';
import { normalizeHeader } from '@/lib/companies/member-import';
import { formatDecimalInput, parseHoursHundredths, parseWagesCents } from './rules';

// Import of a month's lines from a CSV file (pure, no I/O): columns nom;prenom (or identifiant);heures;
// salaire_brut, « ; » or « , », French decimals. Same report style as the caisse's member import: one
// verdict per data row with its line number; the good rows go into the draft, the others do not.

export type DeclarationColumn = 'nom' | 'prenom' | 'identifiant' | 'heures' | 'salaire_brut';

const headerAliases: Record<string, DeclarationColumn> = {
  nom: 'nom',
  nom_de_famille: 'nom',
  prenom: 'prenom',
  identifiant: 'identifiant',
  id: 'identifiant',
  id_salarie: 'identifiant',
  identifiant_salarie: 'identifiant',
  matricule: 'identifiant',
  heures: 'heures',
  heures_travaillees: 'heures',
  nombre_d_heures: 'heures',
  salaire_brut: 'salaire_brut',
  salaire: 'salaire_brut',
  brut: 'salaire_brut',
  salaires_bruts: 'salaire_brut',
  remuneration_brute: 'salaire_brut',
};

export const declarationCsvTemplate = 'nom;prenom;heures;salaire_brut';

/** A worker the file may name: by id, or by last and first name (case and accents ignored). */
export type ImportableWorker = { id: string; lastName: string; firstName: string };

export type CsvRowVerdict =
  | { line: number; ok: true; workerId: string; workerName: string; hours: string; wages: string }
  | { line: number; ok: false; label: string; errors: string[] };

export type CsvImportResult = { ok: true; delimiter: ';' | ','; rows: CsvRowVerdict[] } | { ok: false; message: string };

function clean(value: string | undefined): string {
  return (value ?? '').normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** « Élodie  MÜLLER » → « elodie muller »: names compare without case, accents or extra spaces. */
function nameKey(value: string): string {
  return clean(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'");
}

function detectDelimiter(text: string): ';' | ',' {
  const header = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * Reads the file and judges each row against the workers employed that month. A row is refused when
 * its worker is unknown (or not employed that month), named twice in the file, or its hours or wages
 * are not numbers; nothing of a refused row is imported.
 */
export function parseDeclarationCsv(content: string, workers: readonly ImportableWorker[]): CsvImportResult {
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, message: 'Le fichier est vide.' };
  const delimiter = detectDelimiter(text);
  let records: CsvRecord[];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true, info: true }) as unknown as CsvRecord[];
  } catch (err) {
    const e = err as Error & { lines?: number; code?: string };
    const reason = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'guillemet ouvert jamais refermé' : 'format non reconnu';
    return { ok: false, message: `Fichier CSV illisible${e.lines ? ` (ligne ${e.lines})` : ''} : ${reason}.` };
  }
  const [header, ...data] = records;
  if (!header) return { ok: false, message: 'Le fichier est vide.' };
  const columns = header.record.map((h) => headerAliases[normalizeHeader(h)] ?? null);
  const has = (c: DeclarationColumn) => columns.includes(c);
  const missing = [
    !(has('identifiant') || (has('nom') && has('prenom'))) ? 'nom et prenom (ou identifiant)' : null,
    !has('heures') ? 'heures' : null,
    !has('salaire_brut') ? 'salaire_brut' : null,
  ].filter(Boolean);
  if (missing.length)
    return { ok: false, message: `Colonnes manquantes dans l’en-tête : ${missing.join(', ')}. En-tête attendu : ${declarationCsvTemplate}` };

  const byId = new Map(workers.map((w) => [w.id.toLowerCase(), w]));
  const byName = new Map<string, ImportableWorker[]>();
  for (const w of workers) {
    const key = `${nameKey(w.lastName)}|${nameKey(w.firstName)}`;
    byName.set(key, [...(byName.get(key) ?? []), w]);
  }

  const verdicts: CsvRowVerdict[] = data.map(({ record, info }) => {
    const value = (c: DeclarationColumn) => {
      const i = columns.indexOf(c);
      return i < 0 ? '' : clean(record[i]);
    };
    const line = info.lines;
    const errors: string[] = [];
    const id = value('identifiant');
    const label = [value('nom'), value('prenom')].filter(Boolean).join(' ') || id || `ligne ${line}`;
    let worker: ImportableWorker | undefined;
    if (id) {
      worker = byId.get(id.toLowerCase());
      if (!worker) errors.push(`identifiant « ${id} » inconnu : aucun salarié employé ce mois-ci ne le porte`);
    } else if (!value('nom') || !value('prenom')) {
      errors.push('nom ou prénom manquant');
    } else {
      const found = byName.get(`${nameKey(value('nom'))}|${nameKey(value('prenom'))}`) ?? [];
      if (found.length === 1) worker = found[0];
      else if (found.length > 1) errors.push('plusieurs salariés portent ce nom : indiquez leur identifiant');
      else errors.push(`salarié « ${label} » inconnu ou non employé ce mois-ci`);
    }
    const hours = parseHoursHundredths(value('heures'));
    if (!hours.ok) errors.push(`heures : ${value('heures') === '' ? 'valeur manquante' : hours.message.replace(/\.$/, '')}`);
    const wages = parseWagesCents(value('salaire_brut'));
    if (!wages.ok) errors.push(`salaire brut : ${value('salaire_brut') === '' ? 'valeur manquante' : wages.message.replace(/\.$/, '')}`);
    if (errors.length || !worker || !hours.ok || !wages.ok) return { line, ok: false, label, errors };
    return {
      line,
      ok: true,
      workerId: worker.id,
      workerName: `${worker.lastName} ${worker.firstName}`,
      hours: formatDecimalInput(hours.hundredths),
      wages: formatDecimalInput(wages.hundredths),
    };
  });

  // A worker named on two rows: which one is right is for a person to decide, not the import.
  const linesOf = new Map<string, number[]>();
  for (const v of verdicts) if (v.ok) linesOf.set(v.workerId, [...(linesOf.get(v.workerId) ?? []), v.line]);
  const rows = verdicts.map((v): CsvRowVerdict => {
    if (!v.ok) return v;
    const lines = linesOf.get(v.workerId)!;
    return lines.length > 1 ? { line: v.line, ok: false, label: v.workerName, errors: [`salarié en double dans le fichier (lignes ${lines.join(', ')})`] } : v;
  });
  return { ok: true, delimiter, rows };
}
