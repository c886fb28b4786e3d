// CSV export of a company's leaves, for a spreadsheet (Excel in French: `;` separator, UTF-8 with a BOM
// so accents open right, dates dd/mm/yyyy, amounts with a decimal comma). Pure.
import { stringify } from 'csv-stringify/sync';
import { formatDayShort } from '@/lib/format';
import type { LeaveKind } from './rules';
import { leaveStatusLabels, type LeaveStatus } from './runs';

export type LeaveCsvStatus = LeaveStatus;

export type LeaveCsvRow = {
  workerLastName: string;
  workerFirstName: string;
  /** The worker's number in the company or at the caisse, if any. */
  workerNumber?: string | null;
  start: string;
  end: string;
  days: number;
  kind: LeaveKind;
  status: LeaveCsvStatus;
  /** Day of the payment run, when known. */
  paymentOn?: string | null;
  /** Indemnity in cents, when computed. */
  indemnityCents?: number | null;
  registeredOn?: string | null;
};

export const LEAVE_CSV_HEADERS = [
  'Nom',
  'Prénom',
  'Matricule',
  'Type de congé',
  'Date de début',
  'Date de fin',
  'Jours ouvrables',
  'Statut',
  'Date de paiement',
  'Indemnité (€)',
  'Enregistré le',
] as const;

const kindLabels: Record<LeaveKind, string> = { main: 'Congé principal', other: 'Autre congé' };

/** « 1234,56 » — no thousands separator and no € sign, so spreadsheets read it as a number. */
function eurosForSpreadsheet(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The file's text, BOM included. Rows are sorted by worker, then start date. A cell that starts with
 * = + - @ (a spreadsheet formula) is prefixed with an apostrophe: names come from users.
 */
export function buildLeaveCsv(rows: readonly LeaveCsvRow[]): string {
  const sorted = [...rows].sort(
    (a, b) => a.workerLastName.localeCompare(b.workerLastName, 'fr') || a.workerFirstName.localeCompare(b.workerFirstName, 'fr') || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0),
  );
  const records = sorted.map((row) => [
    safeCell(row.workerLastName),
    safeCell(row.workerFirstName),
    safeCell(row.workerNumber ?? ''),
    kindLabels[row.kind],
    formatDayShort(row.start),
    formatDayShort(row.end),
    String(row.days),
    leaveStatusLabels[row.status],
    row.paymentOn ? formatDayShort(row.paymentOn) : '',
    row.indemnityCents == null ? '' : eurosForSpreadsheet(row.indemnityCents),
    row.registeredOn ? formatDayShort(row.registeredOn) : '',
  ]);
  return stringify([[...LEAVE_CSV_HEADERS], ...records], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** File name for the download, e.g. conges-2026-05-01-2027-04-30.csv. */
export function leaveCsvFileName(period: { start: string; end: string }): string {
  return `conges-${period.start}-${period.end}.csv`;
}
