import { formatDateTime } from '@/lib/format';

const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** « 27/11/2026 à 14:05 », or with 'time' « 14:05 » (French time). */
export function formatReceiptTime(date: Date, mode: 'datetime' | 'time' = 'datetime'): string {
  return mode === 'time' ? timeFormat.format(date) : formatDateTime(date);
}
