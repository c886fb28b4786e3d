// Pure rules of the monthly declarations: which rate applies, and the contribution of one line.
// No I/O: the rates come from the contribution_rates table (effective-dated data).

export type WorkerCategory = 'ouvrier' | 'etam' | 'cadre';
export type RateRow = { category: WorkerCategory | null; effectiveFrom: string; rateBasisPoints: number };

/**
 * The rate in force for a declared month (`period`, YYYY-MM-01) and a category: the latest row whose
 * effective date is on or before the period, a category's own row winning over the all-categories row
 * of the same or an earlier date. Null when no rate is in force (the caller refuses the declaration).
 */
export function rateFor(rates: readonly RateRow[], period: string, category: WorkerCategory): RateRow | null {
  let best: RateRow | null = null;
  for (const r of rates) {
    if (r.effectiveFrom > period) continue;
    if (r.category !== null && r.category !== category) continue;
    if (
      !best ||
      r.effectiveFrom > best.effectiveFrom ||
      (r.effectiveFrom === best.effectiveFrom && r.category !== null && best.category === null)
    )
      best = r;
  }
  return best;
}

/** Contribution of a line in integer cents: wages × rate, rounded half up to the cent. */
export function contributionCents(grossWagesCents: number, rateBasisPoints: number): number {
  if (!Number.isSafeInteger(grossWagesCents) || grossWagesCents < 0) throw new RangeError('gross wages must be a non-negative integer of cents');
  // Integer arithmetic: cents × bp / 10 000, + 5 000 to round half up.
  return Math.floor((grossWagesCents * rateBasisPoints + 5000) / 10000);
}

/** Monthly hours of a contractual weekly duration (35 h → 151,67 h), in hundredths. */
export function monthlyHoursHundredths(weeklyHours: number): number {
  return Math.round((weeklyHours * 52 * 100) / 12);
}

// ── Months ───────────────────────────────────────────────────────────────────────────────────────────
// A declared month is its first day, YYYY-MM-01 (SQL date); URLs name it YYYY-MM.

function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** « 2026-11 » (the URL segment) → « 2026-11-01 », or null when it is not a month. */
export function periodFromSlug(slug: string): string | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(slug);
  return m ? `${m[1]}-${m[2]}-01` : null;
}

export function periodSlug(period: string): string {
  return period.slice(0, 7);
}

/** The first day of the month `n` months after `period`'s (negative: before). */
export function addMonths(period: string, n: number): string {
  const d = utcDay(`${period.slice(0, 7)}-01`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return isoDay(d);
}

/** The month's last day. */
export function periodEnd(period: string): string {
  const d = utcDay(addMonths(period, 1));
  d.setUTCDate(0);
  return isoDay(d);
}

/** A month's declaration falls due at the start of the next month. */
export function declarationDueOn(period: string): string {
  return addMonths(period, 1);
}

// The contribution's due date depends on the terms in force (data): lib/payments/statement getContributionDueOn.

/** A worker is declared for a month when hired on or before its last day and not gone before its first. */
export function isEmployedInPeriod(worker: { hiredOn: string; leftOn: string | null }, period: string): boolean {
  return worker.hiredOn <= periodEnd(period) && (worker.leftOn === null || worker.leftOn >= period);
}

/**
 * The months a company must have declared at `today`: each month whose declaration is due (its next
 * month has started), from the month of its first worker's hire or the oldest of the last twelve
 * months, whichever is later. Oldest first.
 */
export function duePeriods(firstHireOn: string | null, today: string): string[] {
  if (!firstHireOn) return [];
  const lastDue = addMonths(today, -1);
  const oldest = addMonths(today, -12);
  const first = `${firstHireOn.slice(0, 7)}-01` > oldest ? `${firstHireOn.slice(0, 7)}-01` : oldest;
  const out: string[] = [];
  for (let p = first; p <= lastDue; p = addMonths(p, 1)) out.push(p);
  return out;
}

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « novembre 2026 » */
export function formatPeriod(period: string): string {
  return monthFormat.format(utcDay(period));
}

// ── French numbers ───────────────────────────────────────────────────────────────────────────────────

export type ParsedNumber = { ok: true; hundredths: number } | { ok: false; message: string };

/**
 * A French decimal as typed or exported by a spreadsheet, in hundredths: « 2 450,00 », « 2450,5 »,
 * « 2 450 € », « 2450.00 », « 1.234,56 ». Spaces (also no-break ones) group thousands; the comma is
 * the decimal mark; a dot is a decimal mark when it is the only separator and is followed by one or two
 * digits, a thousands separator otherwise. At most two decimals; never negative.
 */
export function parseFrenchDecimal(input: string, { unit = '', max = 100_000_000_00 }: { unit?: string; max?: number } = {}): ParsedNumber {
  let v = input.replace(/[\s\u00a0\u202f]+/g, '').replace(/€$/, '').replace(/h$/i, '');
  if (v === '') return { ok: false, message: 'Valeur manquante.' };
  if (v.startsWith('-')) return { ok: false, message: 'Le montant ne peut pas être négatif.' };
  if (v.includes(',')) {
    // Dots before a comma group thousands (1.234,56).
    if (!/^\d{1,3}(\.\d{3})*,\d*$|^\d+,\d*$/.test(v)) return { ok: false, message: `« ${input.trim()} » n’est pas un nombre (exemple : 2 450,00${unit}).` };
    v = v.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(v)) {
    v = v.replace(/\./g, '');
  }
  const m = /^(\d+)(?:\.(\d*))?$/.exec(v);
  if (!m) return { ok: false, message: `« ${input.trim()} » n’est pas un nombre (exemple : 2 450,00${unit}).` };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, message: `Deux décimales au plus (« ${input.trim()} »).` };
  const hundredths = Number(m[1]) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(hundredths) || hundredths > max) return { ok: false, message: `« ${input.trim()} » est trop grand.` };
  return { ok: true, hundredths };
}

/** Gross wages in cents (« 2 450,00 » → 245000). */
export function parseWagesCents(input: string): ParsedNumber {
  return parseFrenchDecimal(input, { unit: ' €', max: 10_000_000_00 });
}

/** Hours in hundredths (« 151,67 » → 15167); a month has at most 744 hours. */
export function parseHoursHundredths(input: string): ParsedNumber {
  const parsed = parseFrenchDecimal(input, { max: 744_00 });
  if (!parsed.ok && /trop grand/.test(parsed.message)) return { ok: false, message: 'Un mois compte au plus 744 heures.' };
  return parsed;
}

/** « 2 450,00 » from 245000 (for inputs: no currency sign, a plain space between thousands). */
export function formatDecimalInput(hundredths: number): string {
  const units = Math.floor(hundredths / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${units},${String(hundredths % 100).padStart(2, '0')}`;
}

/** « 151,67 h » */
export function formatHours(hundredths: number): string {
  return `${formatDecimalInput(hundredths).replace(/,00$/, '')} h`;
}

// ── Lines and totals ─────────────────────────────────────────────────────────────────────────────────

export type LineInput = { workerId: string; hoursHundredths: number; grossWagesCents: number; rateBasisPoints: number };
export type ComputedLine = LineInput & { contributionCents: number };
export type Totals = { lines: number; hoursHundredths: number; wagesCents: number; contributionCents: number };

/** Each line's contribution at its rate, and the totals (the sum of the rounded lines, as on the receipt). */
export function computeDeclaration(lines: readonly LineInput[]): { lines: ComputedLine[]; totals: Totals } {
  const computed = lines.map((l) => ({ ...l, contributionCents: contributionCents(l.grossWagesCents, l.rateBasisPoints) }));
  return {
    lines: computed,
    totals: {
      lines: computed.length,
      hoursHundredths: computed.reduce((s, l) => s + l.hoursHundredths, 0),
      wagesCents: computed.reduce((s, l) => s + l.grossWagesCents, 0),
      contributionCents: computed.reduce((s, l) => s + l.contributionCents, 0),
    },
  };
}

function formatEurosPlain(cents: number): string {
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** How a correction changes the amount due: « +12,30 € : montant dû en hausse », « montant inchangé ». */
export function describeDelta(cents: number): string {
  if (cents === 0) return 'montant inchangé';
  const amount = formatEurosPlain(Math.abs(cents));
  return cents > 0 ? `+${amount} : montant dû en hausse` : `−${amount} : montant dû en baisse`;
}
