import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildLeaveCsv, LEAVE_CSV_HEADERS, leaveCsvFileName, type LeaveCsvRow } from '@/lib/leave/csv';
import { buildLeaveCalendar, leaveEventUid, type LeaveFeedEntry } from '@/lib/leave/ics';

/** The VEVENTs of an iCalendar text, as property → value (lines unfolded, parameters kept in the key). */
function parseEvents(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

const leaves: LeaveFeedEntry[] = [
  { id: 'b2', workerFirstName: 'Zoé', workerLastName: 'Muller', start: '2026-12-21', end: '2026-12-31', days: 8, kind: 'other' },
  { id: 'a1', workerFirstName: 'Jérôme', workerLastName: 'Lefèvre', start: '2026-07-20', end: '2026-08-01', days: 12, kind: 'main', updatedAt: new Date('2026-05-04T08:30:00Z') },
];

describe('leave iCalendar feed', () => {
  const text = buildLeaveCalendar({ companyName: 'Rénovation Rhénane Démo SAS', uidDomain: 'espace.example.test', leaves, stamp: new Date('2026-06-01T10:00:00Z') });

  it('has one all-day event per leave, « Congés — Prénom Nom », the end day included', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('X-WR-CALNAME:Congés — Rénovation Rhénane Démo SAS');
    const events = parseEvents(text);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      UID: 'conge-a1@espace.example.test',
      SUMMARY: 'Congés — Jérôme Lefèvre',
      'DTSTART;VALUE=DATE': '20260720',
      'DTEND;VALUE=DATE': '20260802', // exclusive: the leave ends on Saturday 1 August
      DESCRIPTION: 'Congé principal : 12 jours ouvrables',
      DTSTAMP: '20260504T083000Z',
    });
    expect(events[1]).toMatchObject({
      UID: 'conge-b2@espace.example.test',
      SUMMARY: 'Congés — Zoé Muller',
      'DTSTART;VALUE=DATE': '20261221',
      'DTEND;VALUE=DATE': '20270101',
      DTSTAMP: '20260601T100000Z',
    });
  });

  it('is stable: the same leaves give the same UIDs and the same text', () => {
    const again = buildLeaveCalendar({ companyName: 'Rénovation Rhénane Démo SAS', uidDomain: 'espace.example.test', leaves: [...leaves].reverse(), stamp: new Date('2026-06-01T10:00:00Z') });
    expect(again).toBe(text);
    expect(leaveEventUid('a1', 'espace.example.test')).toBe('conge-a1@espace.example.test');
  });

  it('is an empty calendar when there is no leave', () => {
    const empty = buildLeaveCalendar({ companyName: 'X', uidDomain: 'd.test', leaves: [] });
    expect(parseEvents(empty)).toEqual([]);
    expect(empty).toContain('END:VCALENDAR');
  });
});

describe('leave CSV export', () => {
  const rows: LeaveCsvRow[] = [
    { workerLastName: 'Muller', workerFirstName: 'Zoé', start: '2026-12-21', end: '2026-12-31', days: 8, kind: 'other', status: 'registered' },
    {
      workerLastName: 'Lefèvre',
      workerFirstName: 'Jérôme',
      workerNumber: 'M-017',
      start: '2026-07-20',
      end: '2026-08-01',
      days: 12,
      kind: 'main',
      status: 'paid',
      paymentOn: '2026-06-30',
      indemnityCents: 182_897,
      registeredOn: '2026-05-04',
    },
    { workerLastName: '=HYPERLINK("x")', workerFirstName: 'Léa; "la"', start: '2026-08-03', end: '2026-08-08', days: 5, kind: 'main', status: 'scheduled', paymentOn: '2026-07-31', indemnityCents: 5 },
  ];
  const text = buildLeaveCsv(rows);

  it('starts with a UTF-8 BOM, uses `;` and CRLF, French headers', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe('\ufeffNom;Prénom;Matricule;Type de congé;Date de début;Date de fin;Jours ouvrables;Statut;Date de paiement;Indemnité (€);Enregistré le');
  });

  it('parses back to one row per leave, sorted by worker, with French dates and amounts', () => {
    const records = parse(text, { delimiter: ';', bom: true }) as string[][];
    expect(records[0]).toEqual([...LEAVE_CSV_HEADERS]);
    expect(records.slice(1)).toEqual([
      ["'=HYPERLINK(\"x\")", 'Léa; "la"', '', 'Congé principal', '03/08/2026', '08/08/2026', '5', 'Paiement programmé', '31/07/2026', '0,05', ''],
      ['Lefèvre', 'Jérôme', 'M-017', 'Congé principal', '20/07/2026', '01/08/2026', '12', 'Payé', '30/06/2026', '1828,97', '04/05/2026'],
      ['Muller', 'Zoé', '', 'Autre congé', '21/12/2026', '31/12/2026', '8', 'Enregistré', '', '', ''],
    ]);
  });

  it('names the file after the period', () => {
    expect(leaveCsvFileName({ start: '2026-05-01', end: '2027-04-30' })).toBe('conges-2026-05-01-2027-04-30.csv');
  });
});
