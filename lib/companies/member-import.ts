import { z } from 'zod';
import { checkSiret, formatSiret } from './siret';

// Validation of the caisse's member file (pure, no I/O): the CLI reads the CSV and the database,
// this module says which rows are importable and why the others are not.

/** Columns of the file, in the order of the template (`--help` of import-members prints it). */
export const memberColumns = [
  'siret',
  'raison_sociale',
  'adresse',
  'code_postal',
  'ville',
  'departement',
  'numero_adherent',
  'email',
] as const;
export type MemberColumn = (typeof memberColumns)[number];
export const requiredMemberColumns: readonly MemberColumn[] = memberColumns.filter((c) => c !== 'email');

// Other spellings seen in exports from spreadsheets and older tools.
const headerAliases: Record<string, MemberColumn> = {
  siret: 'siret',
  numero_siret: 'siret',
  raison_sociale: 'raison_sociale',
  denomination: 'raison_sociale',
  nom: 'raison_sociale',
  adresse: 'adresse',
  code_postal: 'code_postal',
  cp: 'code_postal',
  ville: 'ville',
  commune: 'ville',
  departement: 'departement',
  dept: 'departement',
  numero_adherent: 'numero_adherent',
  numero_d_adherent: 'numero_adherent',
  n_adherent: 'numero_adherent',
  n_d_adherent: 'numero_adherent',
  no_adherent: 'numero_adherent',
  adherent: 'numero_adherent',
  email: 'email',
  e_mail: 'email',
  courriel: 'email',
  adresse_electronique: 'email',
};

/** « Numéro d'adhérent » → numero_adherent. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export type HeaderMapping =
  | { ok: true; columns: (MemberColumn | null)[]; ignored: string[] }
  | { ok: false; message: string };

/** Maps the file's header to our columns; a missing required column makes the whole file unusable. */
export function mapMemberHeader(header: string[]): HeaderMapping {
  const columns = header.map((h) => headerAliases[normalizeHeader(h)] ?? null);
  const seen = new Set<MemberColumn>();
  for (const [i, c] of columns.entries()) {
    if (!c) continue;
    if (seen.has(c)) return { ok: false, message: `La colonne « ${header[i]} » apparaît deux fois dans l’en-tête.` };
    seen.add(c);
  }
  const missing = requiredMemberColumns.filter((c) => !seen.has(c));
  if (missing.length)
    return {
      ok: false,
      message:
        `Colonne${missing.length > 1 ? 's' : ''} manquante${missing.length > 1 ? 's' : ''} dans l’en-tête : ${missing.join(', ')}. ` +
        `En-tête attendu : ${memberColumns.join(';')}`,
    };
  return { ok: true, columns, ignored: header.filter((_, i) => !columns[i]).filter((h) => h.trim() !== '') };
}

export type MemberInput = {
  siret: string;
  name: string;
  addressLine: string;
  postcode: string;
  city: string;
  departmentCode: string;
  membershipNumber: string;
  contactEmail: string | null;
};

export type RawMemberRow = { line: number; values: Partial<Record<MemberColumn, string>> };

export type RowVerdict =
  | { line: number; ok: true; member: MemberInput; warnings: string[] }
  | { line: number; ok: false; errors: string[]; siret: string };

export type ImportContext = {
  /** Departments of the circonscription (code → name). */
  departments: ReadonlyMap<string, string>;
};

const emailSchema = z.email();

function clean(value: string | undefined): string {
  return (value ?? '').normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** « 1 » → « 01 », « 2a » → « 2A »: how spreadsheets mangle department codes. */
export function normalizeDepartment(value: string): string {
  const v = value.replace(/\s/g, '').toUpperCase();
  return /^\d$/.test(v) ? `0${v}` : v;
}

/** Validates one row on its own (the file-level duplicate checks are in validateMemberRows). */
export function validateMemberRow(row: RawMemberRow, ctx: ImportContext): RowVerdict {
  const v = row.values;
  const errors: string[] = [];
  const warnings: string[] = [];

  const siretCheck = checkSiret(v.siret ?? '');
  if (!siretCheck.ok)
    errors.push(
      siretCheck.reason === 'empty'
        ? 'SIRET manquant'
        : siretCheck.reason === 'format'
          ? `SIRET « ${clean(v.siret)} » invalide : 14 chiffres attendus`
          : `SIRET « ${clean(v.siret)} » inexistant : clé de contrôle fausse (faute de frappe ?)`,
    );

  const name = clean(v.raison_sociale);
  if (!name) errors.push('raison sociale manquante');
  else if (name.length > 200) errors.push('raison sociale trop longue (200 caractères au plus)');

  const addressLine = clean(v.adresse);
  if (!addressLine) errors.push('adresse manquante');
  else if (addressLine.length > 200) errors.push('adresse trop longue (200 caractères au plus)');

  const postcode = clean(v.code_postal).replace(/\s/g, '');
  if (!postcode) errors.push('code postal manquant');
  else if (!/^\d{5}$/.test(postcode)) errors.push(`code postal « ${postcode} » invalide : 5 chiffres attendus`);

  const city = clean(v.ville);
  if (!city) errors.push('ville manquante');

  const departmentCode = normalizeDepartment(clean(v.departement));
  if (!departmentCode) errors.push('département manquant');
  else if (!ctx.departments.has(departmentCode))
    errors.push(`département « ${departmentCode} » hors de la circonscription de la caisse`);
  else if (/^\d{5}$/.test(postcode) && !postcode.startsWith(departmentCode))
    // Some communes get their mail through an office of the next department: worth a look, not a refusal.
    warnings.push(`le code postal ${postcode} ne commence pas par ${departmentCode} : vérifiez le département`);

  const membershipNumber = clean(v.numero_adherent).toUpperCase();
  if (!membershipNumber) errors.push('numéro d’adhérent manquant');
  else if (membershipNumber.length > 30) errors.push('numéro d’adhérent trop long (30 caractères au plus)');

  const email = clean(v.email).toLowerCase();
  if (email && !emailSchema.safeParse(email).success) errors.push(`adresse électronique « ${email} » invalide`);

  if (errors.length || !siretCheck.ok) return { line: row.line, ok: false, errors, siret: clean(v.siret) };
  return {
    line: row.line,
    ok: true,
    member: { siret: siretCheck.siret, name, addressLine, postcode, city, departmentCode, membershipNumber, contactEmail: email || null },
    warnings,
  };
}

/**
 * Validates every row, then rejects all occurrences of a SIRET or membership number that appears more
 * than once: which of two conflicting rows is right is for a person to decide, not the import.
 */
export function validateMemberRows(rows: RawMemberRow[], ctx: ImportContext): RowVerdict[] {
  const verdicts = rows.map((r) => validateMemberRow(r, ctx));
  const linesBy = (key: (m: MemberInput) => string) => {
    const map = new Map<string, number[]>();
    for (const v of verdicts) if (v.ok) map.set(key(v.member), [...(map.get(key(v.member)) ?? []), v.line]);
    return map;
  };
  const siretLines = linesBy((m) => m.siret);
  const numberLines = linesBy((m) => m.membershipNumber);
  return verdicts.map((v) => {
    if (!v.ok) return v;
    const errors: string[] = [];
    const sameSiret = siretLines.get(v.member.siret)!;
    if (sameSiret.length > 1) errors.push(`SIRET ${formatSiret(v.member.siret)} en double dans le fichier (lignes ${sameSiret.join(', ')})`);
    const sameNumber = numberLines.get(v.member.membershipNumber)!;
    if (sameNumber.length > 1)
      errors.push(`numéro d’adhérent ${v.member.membershipNumber} en double dans le fichier (lignes ${sameNumber.join(', ')})`);
    return errors.length ? { line: v.line, ok: false, errors, siret: v.member.siret } : v;
  });
}
