import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { departments, organisations } from '@/db/schema';
import {
  mapMemberHeader,
  memberColumns,
  validateMemberRows,
  type MemberInput,
  type RawMemberRow,
} from '@/lib/companies/member-import';
import { formatSiret } from '@/lib/companies/siret';
import { parseCommandArgs } from './args';
import { CliError, UsageError, exitCodes, type CaisseCommand } from './types';

export type RejectedRow = { line: number; siret: string; errors: string[] };

export type ImportReport = {
  delimiter: ';' | ',';
  dataRows: number;
  ignoredColumns: string[];
  rejected: RejectedRow[];
  warnings: { line: number; message: string }[];
  created: number;
  updated: number;
  unchanged: number;
};

/** Reads the file as UTF-8 (with or without BOM); anything else is refused rather than imported garbled. */
function decodeUtf8(content: Buffer | string): string {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new CliError(
      'Le fichier n’est pas encodé en UTF-8. Dans Excel : « Enregistrer sous » › « CSV UTF-8 (délimité par des virgules) » ; ' +
        'dans LibreOffice : jeu de caractères « Unicode (UTF-8) ».',
    );
  }
}

/** The header line decides: a French spreadsheet writes « ; », others « , ». */
function detectDelimiter(text: string): ';' | ',' {
  const header = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

type CsvRecord = { record: string[]; info: { lines: number } };

export function parseMemberCsv(content: Buffer | string): { delimiter: ';' | ','; rows: RawMemberRow[]; ignoredColumns: string[] } {
  const text = decodeUtf8(content);
  if (text.trim() === '') throw new CliError('Le fichier est vide.');
  const delimiter = detectDelimiter(text);
  let records: CsvRecord[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
    }) as unknown as CsvRecord[];
  } catch (err) {
    const e = err as Error & { lines?: number; code?: string };
    const reason = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'guillemet ouvert jamais refermé' : e.message;
    throw new CliError(`Fichier CSV illisible${e.lines ? ` (ligne ${e.lines})` : ''} : ${reason}.`);
  }
  const [header, ...data] = records;
  if (!header) throw new CliError('Le fichier est vide.');
  const mapping = mapMemberHeader(header.record);
  if (!mapping.ok) throw new CliError(mapping.message);
  const rows = data.map(({ record, info }) => {
    const values: RawMemberRow['values'] = {};
    mapping.columns.forEach((column, i) => {
      if (column) values[column] = record[i] ?? '';
    });
    // info.lines is the record's last line; a quoted field may span several.
    const innerNewlines = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - innerNewlines, values };
  });
  if (!rows.length) throw new CliError('Le fichier ne contient que l’en-tête : aucune entreprise à importer.');
  return { delimiter, rows, ignoredColumns: mapping.ignored };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

type ExistingOrg = typeof organisations.$inferSelect;

function hasChanged(existing: ExistingOrg, m: MemberInput): boolean {
  return (
    existing.name !== m.name ||
    existing.addressLine !== m.addressLine ||
    existing.postcode !== m.postcode ||
    existing.city !== m.city ||
    existing.departmentCode !== m.departmentCode ||
    existing.membershipNumber !== m.membershipNumber ||
    (m.contactEmail !== null && existing.contactEmail !== m.contactEmail)
  );
}

/**
 * Validates every row, then creates or updates (by SIRET) the valid ones in one transaction. Rows that
 * clash with the database (an accounting firm's SIRET, a membership number held by another company) are
 * rejected with the others, before anything is written.
 */
export async function importMembers(db: Db, content: Buffer | string): Promise<ImportReport> {
  const { delimiter, rows, ignoredColumns } = parseMemberCsv(content);
  const departmentRows = await db.select({ code: departments.code, name: departments.name }).from(departments);
  const verdicts = validateMemberRows(rows, { departments: new Map(departmentRows.map((d) => [d.code, d.name])) });

  const valid = verdicts.flatMap((v) => (v.ok ? [v] : []));
  const existingBySiret = new Map<string, ExistingOrg>();
  const numberOwner = new Map<string, string>();
  for (const part of chunks(valid, 1000)) {
    const found = await db.select().from(organisations).where(inArray(organisations.siret, part.map((v) => v.member.siret)));
    for (const o of found) existingBySiret.set(o.siret, o);
    const owners = await db
      .select({ siret: organisations.siret, membershipNumber: organisations.membershipNumber })
      .from(organisations)
      .where(inArray(organisations.membershipNumber, part.map((v) => v.member.membershipNumber)));
    for (const o of owners) numberOwner.set(o.membershipNumber!, o.siret);
  }

  const rejected: RejectedRow[] = verdicts.flatMap((v) => (v.ok ? [] : [{ line: v.line, siret: v.siret, errors: v.errors }]));
  const warnings = valid.flatMap((v) => v.warnings.map((message) => ({ line: v.line, message })));
  const toWrite: MemberInput[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const v of valid) {
    const m = v.member;
    const existing = existingBySiret.get(m.siret);
    const errors: string[] = [];
    if (existing && existing.kind !== 'company')
      errors.push(`le SIRET ${formatSiret(m.siret)} est celui d’un cabinet comptable, pas d’une entreprise adhérente`);
    const owner = numberOwner.get(m.membershipNumber);
    if (owner && owner !== m.siret)
      errors.push(`le numéro d’adhérent ${m.membershipNumber} est déjà attribué au SIRET ${formatSiret(owner)}`);
    if (errors.length) {
      rejected.push({ line: v.line, siret: m.siret, errors });
      continue;
    }
    if (!existing) created++;
    else if (hasChanged(existing, m)) updated++;
    else {
      unchanged++;
      continue;
    }
    toWrite.push(m);
  }
  rejected.sort((a, b) => a.line - b.line);

  await db.transaction(async (tx) => {
    for (const part of chunks(toWrite, 500)) {
      await tx
        .insert(organisations)
        .values(part.map((m) => ({ kind: 'company' as const, ...m })))
        .onConflictDoUpdate({
          target: organisations.siret,
          set: {
            name: sql`excluded.name`,
            addressLine: sql`excluded.address_line`,
            postcode: sql`excluded.postcode`,
            city: sql`excluded.city`,
            departmentCode: sql`excluded.department_code`,
            membershipNumber: sql`excluded.membership_number`,
            // An empty e-mail cell keeps the address already known.
            contactEmail: sql`coalesce(excluded.contact_email, ${organisations.contactEmail})`,
            updatedAt: sql`now()`,
          },
          // Never turns an accounting firm into a member company, even if one appeared since the checks.
          setWhere: eq(organisations.kind, 'company'),
        });
    }
  });

  return { delimiter, dataRows: rows.length, ignoredColumns, rejected, warnings, created, updated, unchanged };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** The report printed by the command, in reading order: what was read, what was refused and why, the counts. */
export function formatImportReport(report: ImportReport, fileName: string): string[] {
  const out: string[] = [];
  out.push(`Fichier ${fileName} : ${plural(report.dataRows, 'ligne', 'lignes')} de données, séparateur « ${report.delimiter} ».`);
  if (report.ignoredColumns.length) out.push(`Colonnes ignorées : ${report.ignoredColumns.join(', ')}.`);
  if (report.warnings.length) {
    out.push('', 'Avertissements (lignes importées) :');
    for (const w of report.warnings) out.push(`  ligne ${w.line} : ${w.message}`);
  }
  if (report.rejected.length) {
    out.push('', `Lignes rejetées (${report.rejected.length}) :`);
    for (const r of report.rejected) out.push(`  ligne ${r.line}${r.siret ? ` (SIRET ${r.siret})` : ''} : ${r.errors.join(' ; ')}`);
    out.push('Corrigez ces lignes puis réimportez le fichier : les lignes déjà importées seront mises à jour, jamais dupliquées.');
  }
  out.push(
    '',
    `Résumé : ${plural(report.created, 'entreprise créée', 'entreprises créées')}, ` +
      `${plural(report.updated, 'mise à jour', 'mises à jour')}, ${plural(report.unchanged, 'inchangée', 'inchangées')}, ` +
      `${plural(report.rejected.length, 'ligne rejetée', 'lignes rejetées')}.`,
  );
  return out;
}

export const importMembersCommand: CaisseCommand = {
  name: 'import-members',
  summary: 'importe ou met à jour les entreprises adhérentes depuis un fichier CSV',
  help: [
    'Usage : npm run caisse -- import-members <fichier.csv>',
    '',
    'Importe les entreprises adhérentes. Chaque ligne est vérifiée (SIRET, département de la',
    'circonscription, code postal, adresse électronique, champs obligatoires, doublons) ; les lignes',
    'valides sont enregistrées en une seule transaction, les autres sont listées avec leur numéro de',
    'ligne et la raison du refus. Réimporter un fichier met à jour les entreprises (par SIRET), sans',
    'jamais les dupliquer ; une adresse électronique vide conserve celle déjà connue.',
    '',
    'Fichier : CSV encodé en UTF-8 (avec ou sans BOM), séparateur « ; » ou « , », une ligne d’en-tête :',
    `  ${memberColumns.join(';')}`,
    '  (email est facultative ; l’ordre des colonnes est libre)',
    '',
    'Exemple :',
    '  siret;raison_sociale;adresse;code_postal;ville;departement;numero_adherent;email',
    '  91234567500017;Bâtiments de l’Est SARL;24 rue de la Commanderie;54000;Nancy;54;GE-054-000417;contact@exemple.fr',
    '',
    'Code de sortie : 0 tout est importé, 2 des lignes ont été rejetées (les autres sont importées),',
    '1 rien n’a été importé (fichier illisible, en-tête incomplet, base de données indisponible).',
  ].join('\n'),
  async run(args, ctx) {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length !== 1) throw new UsageError('indiquez un et un seul fichier CSV');
    const file = path.resolve(ctx.cwd, positionals[0]!);
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch {
      throw new CliError(`Fichier introuvable ou illisible : ${file}`);
    }
    const report = await importMembers(await ctx.getDb(), content);
    for (const line of formatImportReport(report, path.basename(file))) ctx.out(line);
    return report.rejected.length ? exitCodes.partial : exitCodes.ok;
  },
};
