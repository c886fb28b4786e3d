import { electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, validateBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';

// Pure rules of contributions and payments: due dates, late penalties, the balance of a declared month,
// the "à jour" facts, and the SEPA identifiers (IBAN, BIC, RUM, ICS). No I/O: the terms come from the
// contribution_terms table (effective-dated data), the dates are YYYY-MM-DD strings (calendar days, no
// time zone), the money integer cents.

export type ContributionTerms = {
  effectiveFrom: string;
  paymentDelayDays: number;
  declarationDelayDays: number;
  penaltyBasisPointsPerMonth: number;
  reminderDaysBefore: number;
};

// ── calendar ─────────────────────────────────────────────────────────────────────────────────────────

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** Same day n months later, clamped to the month's last day (31/01 + 1 month = 28 or 29/02). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + n;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month, Math.min(d, last))));
}

/** YYYY-MM-01 of the month containing `day`. */
export function periodOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function lastDayOfMonth(period: string): string {
  return addDays(addMonths(periodOf(period), 1), -1);
}

/** « septembre 2026 » */
export function formatPeriod(period: string): string {
  return new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(toUtc(periodOf(period)));
}

/** « de septembre 2026 », « d’avril 2026 », « d’octobre 2026 »: French elides « de » before a vowel. */
export function ofPeriod(period: string): string {
  const label = formatPeriod(period);
  return /^[aeiouy]/.test(label) ? `d’${label}` : `de ${label}`;
}

/** The URL form of a period: 2026-09. */
export function periodSlug(period: string): string {
  return period.slice(0, 7);
}

// ── terms and dates ──────────────────────────────────────────────────────────────────────────────────

/** The terms in force for a declared month: the latest row effective on or before its first day. */
export function termsFor(terms: readonly ContributionTerms[], period: string): ContributionTerms | null {
  let best: ContributionTerms | null = null;
  for (const t of terms) if (t.effectiveFrom <= period && (!best || t.effectiveFrom > best.effectiveFrom)) best = t;
  return best;
}

/** Due date of a declared month's contribution: `paymentDelayDays` (45) days after the month's last day. */
export function contributionDueOn(period: string, terms: Pick<ContributionTerms, 'paymentDelayDays'>): string {
  return addDays(lastDayOfMonth(period), terms.paymentDelayDays);
}

/** Last day to declare a month without being late: `declarationDelayDays` days after its last day. */
export function declarationDeadline(period: string, terms: Pick<ContributionTerms, 'declarationDelayDays'>): string {
  return addDays(lastDayOfMonth(period), terms.declarationDelayDays);
}

/**
 * Months of lateness started at `today` after `dueOn`: 0 up to and including the due date; 1 from the
 * day after, through the same day one month later; 2 from the day after that; and so on (month k
 * covers the days after addMonths(dueOn, k − 1) up to addMonths(dueOn, k)).
 */
export function monthsStartedLate(dueOn: string, today: string): number {
  if (today <= dueOn) return 0;
  let n = 1;
  while (addMonths(dueOn, n) < today) n++;
  return n;
}

export type Receipt = { receivedOn: string; amountCents: number };

/**
 * Late penalty of one month's contribution at `today`, in integer cents: for each month of lateness
 * started, `basisPointsPerMonth` of the contribution still unpaid when that month started (payments
 * received on or before its first day's eve count; payments go to the contribution first). Each
 * month's penalty is rounded half up to the cent. Computed from the facts every time, never stored.
 */
export function latePenaltyCents(input: { dueCents: number; dueOn: string; receipts: readonly Receipt[]; today: string; basisPointsPerMonth: number }): number {
  const months = monthsStartedLate(input.dueOn, input.today);
  let total = 0;
  for (let k = 1; k <= months; k++) {
    const monthStart = addMonths(input.dueOn, k - 1);
    const paid = input.receipts.filter((r) => r.receivedOn <= monthStart).reduce((s, r) => s + r.amountCents, 0);
    const unpaid = Math.max(0, input.dueCents - paid);
    if (unpaid === 0) break;
    total += Math.floor((unpaid * input.basisPointsPerMonth + 5000) / 10000);
  }
  return total;
}

// ── a month of the account ───────────────────────────────────────────────────────────────────────────

export type SentDeclaration = { id: string; period: string; number: string | null; kind: 'initial' | 'corrective'; sentAt: Date; totalContributionCents: number };

/** The declaration that counts for each month: the latest sent one (a corrective replaces the initial). */
export function effectiveDeclarations<T extends SentDeclaration>(rows: readonly T[]): Map<string, T> {
  const byPeriod = new Map<string, T>();
  for (const r of rows) {
    const current = byPeriod.get(r.period);
    if (!current || r.sentAt.getTime() > current.sentAt.getTime()) byPeriod.set(r.period, r);
  }
  return byPeriod;
}

export type PaymentFact = {
  id: string;
  period: string;
  amountCents: number;
  method: 'sepa_debit' | 'transfer';
  status: 'announced' | 'received' | 'rejected';
  reference: string | null;
  announcedAt: Date | null;
  receivedOn: string | null;
  rejectedOn: string | null;
  rejectionReason: string | null;
};

export type MonthAccount = {
  period: string;
  declaration: { id: string; number: string | null; kind: 'initial' | 'corrective' };
  dueCents: number;
  dueOn: string;
  /** Received on or before today: counted. */
  receivedCents: number;
  /** Confirmed online by the company, not yet received by the caisse: shown, not counted. */
  announcedCents: number;
  penaltyCents: number;
  monthsLate: number;
  /** due + penalties − received (negative when overpaid). */
  balanceCents: number;
  /** Something is still owed and the due date has passed. */
  isOverdue: boolean;
  payments: PaymentFact[];
};

/** One declared month of the relevé de compte, at `today`. */
export function monthAccount(input: {
  declaration: SentDeclaration;
  payments: readonly PaymentFact[];
  terms: ContributionTerms;
  today: string;
}): MonthAccount {
  const { declaration, terms, today } = input;
  const dueOn = contributionDueOn(declaration.period, terms);
  const receipts = input.payments
    .filter((p) => p.status === 'received' && p.receivedOn !== null && p.receivedOn <= today)
    .map((p) => ({ receivedOn: p.receivedOn!, amountCents: p.amountCents }));
  const receivedCents = receipts.reduce((s, r) => s + r.amountCents, 0);
  const announcedCents = input.payments.filter((p) => p.status === 'announced').reduce((s, p) => s + p.amountCents, 0);
  const dueCents = declaration.totalContributionCents;
  const penaltyCents = latePenaltyCents({ dueCents, dueOn, receipts, today, basisPointsPerMonth: terms.penaltyBasisPointsPerMonth });
  const balanceCents = dueCents + penaltyCents - receivedCents;
  return {
    period: declaration.period,
    declaration: { id: declaration.id, number: declaration.number, kind: declaration.kind },
    dueCents,
    dueOn,
    receivedCents,
    announcedCents,
    penaltyCents,
    monthsLate: receivedCents >= dueCents && penaltyCents === 0 ? 0 : monthsStartedLate(dueOn, today),
    balanceCents,
    isOverdue: balanceCents > 0 && today > dueOn,
    payments: [...input.payments],
  };
}

/**
 * Months that should have been declared by `today` and were not: from the company's first declared
 * month (the caisse's records start there) to the last month whose declaration deadline has passed.
 */
export function missingDeclarationPeriods(input: { declaredPeriods: ReadonlySet<string>; firstPeriod: string | null; terms: readonly ContributionTerms[]; today: string }): { period: string; deadline: string }[] {
  if (!input.firstPeriod) return [];
  const out: { period: string; deadline: string }[] = [];
  for (let period = periodOf(input.firstPeriod); period < periodOf(input.today); period = addMonths(period, 1)) {
    const terms = termsFor(input.terms, period);
    if (!terms) continue;
    const deadline = declarationDeadline(period, terms);
    if (deadline >= input.today) break;
    if (!input.declaredPeriods.has(period)) out.push({ period, deadline });
  }
  return out;
}

// ── SEPA identifiers ─────────────────────────────────────────────────────────────────────────────────

export type IbanCheck = { ok: true; iban: string } | { ok: false; message: string };

/** IBAN typed by a person (spaces, lower case allowed): checksum, length and format of its country, SEPA zone. */
export function checkIban(input: string): IbanCheck {
  const iban = electronicFormatIBAN(input) ?? '';
  if (!iban) return { ok: false, message: 'Indiquez l’IBAN du compte à débiter.' };
  if (!/^[A-Z]{2}/.test(iban)) return { ok: false, message: 'Un IBAN commence par le code du pays (FR76 …).' };
  const result = validateIBAN(iban);
  if (result.errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry)) return { ok: false, message: `Pays inconnu : « ${iban.slice(0, 2)} ».` };
  if (!isSEPACountry(iban.slice(0, 2))) return { ok: false, message: 'Le prélèvement SEPA exige un compte dans la zone SEPA.' };
  if (result.errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength))
    return { ok: false, message: 'Longueur incorrecte pour un IBAN de ce pays (27 caractères pour la France).' };
  if (!result.valid) return { ok: false, message: 'IBAN invalide : vérifiez chaque caractère (la clé de contrôle ne correspond pas).' };
  return { ok: true, iban };
}

/** « FR76 3000 6000 0112 3456 7890 189 » */
export function formatIban(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}

/** The IBAN with all but its country, check digits and last 4 characters hidden, for screens and e-mails. */
export function maskIban(iban: string): string {
  let index = 0;
  return [...formatIban(iban)].map((ch) => (ch === ' ' ? ch : index++ >= 4 && index <= iban.length - 4 ? '•' : ch)).join('');
}

export type BicCheck = { ok: true; bic: string } | { ok: false; message: string };

/** BIC (8 or 11 characters); when an IBAN is given, the BIC's country must be the IBAN's. */
export function checkBic(input: string, iban?: string): BicCheck {
  const bic = input.replace(/\s+/g, '').toUpperCase();
  if (!bic) return { ok: false, message: 'Indiquez le BIC de la banque.' };
  if (!validateBIC(bic).valid) return { ok: false, message: 'BIC invalide : 8 ou 11 caractères (exemple : BNPAFRPP).' };
  const bicCountry = bic.slice(4, 6);
  // Monaco and the French overseas territories have their own codes but French BICs are common there.
  if (iban && bicCountry !== iban.slice(0, 2) && !(iban.startsWith('MC') && bicCountry === 'FR'))
    return { ok: false, message: `Le BIC (pays ${bicCountry}) ne correspond pas au pays de l’IBAN (${iban.slice(0, 2)}).` };
  return { ok: true, bic };
}

/**
 * Unique mandate reference (RUM): `<prefix>-<membership number>-<sequence on 3 digits>`, e.g.
 * CIBTPGE-GE-067-001523-001. SEPA allows 35 characters from A–Z, 0–9 and + ? / - : ( ) . , ' space.
 */
export function buildRum(input: { prefix: string; membershipNumber: string; sequence: number }): string {
  const clean = (s: string) => s.toUpperCase().replace(/[^A-Z0-9-]/g, '');
  const rum = `${clean(input.prefix)}-${clean(input.membershipNumber)}-${String(input.sequence).padStart(3, '0')}`;
  if (!isValidRum(rum)) throw new RangeError(`invalid RUM: ${rum}`);
  return rum;
}

export function isValidRum(rum: string): boolean {
  return rum.length >= 1 && rum.length <= 35 && /^[A-Za-z0-9+?/\-:().,' ]+$/.test(rum) && !rum.startsWith('/') && !rum.includes('//');
}

/** ISO 7064 mod 97-10 over a string of digits and letters (A = 10 … Z = 35). */
function mod97(text: string): number {
  let remainder = 0;
  for (const ch of text) {
    const value = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/**
 * SEPA creditor identifier (ICS): country, 2 check digits, 3-character business code (not checked),
 * national identifier; the check digits are mod 97-10 over national id + country + "00". French ICS:
 * 13 characters, a 6-character national identifier (e.g. FR72ZZZ123456).
 */
export function isValidCreditorId(input: string): boolean {
  const ics = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(ics)) return false;
  if (ics.startsWith('FR') && !/^FR\d{2}[A-Z0-9]{3}[A-Z0-9]{6}$/.test(ics)) return false;
  const check = 98 - mod97(`${ics.slice(7)}${ics.slice(0, 2)}00`);
  return check === Number(ics.slice(2, 4));
}

/** The reference a company quotes on a transfer, so the caisse matches it: COT-<membership>-<AAAAMM>. */
export function transferReference(membershipNumber: string, period: string): string {
  return `COT-${membershipNumber.toUpperCase().replace(/[^A-Z0-9]/g, '')}-${period.slice(0, 4)}${period.slice(5, 7)}`;
}

/** « 1234,56 », « 1 234,56 », « 1234.5 », « 1234 » → cents; null when it is not an amount. */
export function parseAmountCents(input: string): number | null {
  const s = input.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return null;
  const [euros, cents = ''] = s.split('.') as [string, string?];
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'));
}
