// French formats used across the portal (pure).

const TZ = 'Europe/Paris';

// Built once: creating an Intl formatter costs far more than using one (pages and PDFs call these often).
const todayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const dayLongFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayWithWeekdayFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayShortFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC' });
const eurosFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** Today's calendar date in France, as YYYY-MM-DD. */
export function todayInFrance(now: Date = new Date()): string {
  return todayFormat.format(now);
}

function parseDay(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** « 14 décembre 2026 » */
export function formatDayLong(day: string): string {
  return dayLongFormat.format(parseDay(day));
}

/** « lundi 14 décembre 2026 » */
export function formatDayWithWeekday(day: string): string {
  return dayWithWeekdayFormat.format(parseDay(day));
}

/** « 31/12/2026 » */
export function formatDayShort(day: string): string {
  return dayShortFormat.format(parseDay(day));
}

/** « 1 234,56 € » from integer cents. */
export function formatEuros(cents: number): string {
  return eurosFormat.format(cents / 100);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);
}

export function addDaysToDay(day: string, n: number): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** « 27/11/2026 à 11:42 », in French time. */
export function formatDateTime(date: Date): string {
  const day = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
  const time = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(date);
  return `${day} à ${time}`;
}
