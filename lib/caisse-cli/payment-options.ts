import 'server-only';
import os from 'node:os';
import type { Db } from '@/db/client';
import { checkSiret, formatSiret } from '@/lib/companies/siret';
import { todayInFrance } from '@/lib/format';
import { findCompanyBySiret } from '@/lib/payments/mutations';
import { parseAmountCents } from '@/lib/payments/rules';
import { CliError, UsageError, type CommandContext } from './types';

// Options shared by the payment commands (record-payment, record-rejection, enable-debit).

export async function companyFromSiretOption(db: Db, value: string | undefined) {
  if (!value) throw new UsageError('indiquez l’entreprise avec --siret');
  const check = checkSiret(value);
  if (!check.ok) throw new UsageError(`--siret : ${check.message}`);
  const company = await findCompanyBySiret(db, check.siret);
  if (!company) throw new CliError(`Aucune entreprise adhérente avec le SIRET ${formatSiret(check.siret)}.`);
  return company;
}

/** --periode 2026-09 → 2026-09-01 */
export function periodOption(value: string | undefined): string {
  if (!value) throw new UsageError('indiquez le mois déclaré avec --periode AAAA-MM');
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value.trim());
  if (!m) throw new UsageError(`--periode attend un mois AAAA-MM (reçu « ${value} »)`);
  return `${m[1]}-${m[2]}-01`;
}

export function amountOption(value: string | undefined, required: boolean): number | undefined {
  if (value === undefined) {
    if (required) throw new UsageError('indiquez le montant avec --montant (ex. 1234,56)');
    return undefined;
  }
  const cents = parseAmountCents(value);
  if (cents === null || cents <= 0) throw new UsageError(`--montant attend un montant en euros positif, ex. 1234,56 (reçu « ${value} »)`);
  return cents;
}

export function dateOption(value: string | undefined, ctx: CommandContext): string {
  const day = value ?? todayInFrance(ctx.now?.() ?? new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new UsageError(`--date attend une date AAAA-MM-JJ (reçu « ${day} »)`);
  return day;
}

/** Who ran the command, for the audit log. */
export function cliActor(by: string | undefined): string {
  return by?.trim() || `cli:${os.userInfo().username}`;
}
