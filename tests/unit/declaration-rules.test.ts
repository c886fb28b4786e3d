import { describe, expect, it } from 'vitest';
import { parseDeclarationCsv } from '@/lib/declarations/csv-import';
import {
  computeDeclaration,
  contributionCents,
  declarationDueOn,
  describeDelta,
  duePeriods,
  isEmployedInPeriod,
  parseHoursHundredths,
  parseWagesCents,
  periodEnd,
  periodFromSlug,
  rateFor,
  type RateRow,
} from '@/lib/declarations/rules';

const rates: RateRow[] = [
  { category: null, effectiveFrom: '2024-04-01', rateBasisPoints: 1980 },
  { category: null, effectiveFrom: '2026-04-01', rateBasisPoints: 2030 },
  { category: 'cadre', effectiveFrom: '2026-07-01', rateBasisPoints: 2100 },
];

describe('contribution of a line: the rate in force for the month, rounded half up to the cent', () => {
  it.each([
    // period, category, wages (cents), expected rate, expected contribution (cents)
    ['2026-03-01', 'ouvrier', 245_000, 1980, 48_510], // last month of the old rate
    ['2026-04-01', 'ouvrier', 245_000, 2030, 49_735], // first month of the new rate
    ['2026-06-01', 'cadre', 420_000, 2030, 85_260], // before the cadre's own rate
    ['2026-07-01', 'cadre', 420_000, 2100, 88_200], // the category's own row wins
    ['2026-07-01', 'etam', 285_000, 2030, 57_855],
    ['2026-11-01', 'ouvrier', 12_050, 2030, 2_446], // 2 446,15 → 2 446
    ['2026-11-01', 'ouvrier', 25, 2030, 5], // 5,075 → 5
    ['2026-11-01', 'ouvrier', 1_000_000, 2030, 203_000],
    ['2026-11-01', 'ouvrier', 0, 2030, 0],
  ] as const)('%s, %s, %i cents → rate %i, %i cents', (period, category, wages, rate, expected) => {
    const row = rateFor(rates, period, category);
    expect(row?.rateBasisPoints).toBe(rate);
    expect(contributionCents(wages, row!.rateBasisPoints)).toBe(expected);
  });

  it.each([
    [1, 5000, 1], // 0,5 cent → 1 (half up)
    [1, 4999, 0],
    [3, 5000, 2], // 1,5 → 2
    [199, 2030, 40], // 40,397 → 40
  ])('%i cents × %i bp → %i', (wages, bp, expected) => {
    expect(contributionCents(wages, bp)).toBe(expected);
  });

  it('no rate before the first effective date', () => {
    expect(rateFor(rates, '2024-03-01', 'ouvrier')).toBeNull();
  });

  it('totals are the sum of the rounded lines', () => {
    const { totals, lines } = computeDeclaration([
      { workerId: 'a', hoursHundredths: 15167, grossWagesCents: 12_050, rateBasisPoints: 2030 },
      { workerId: 'b', hoursHundredths: 700, grossWagesCents: 12_050, rateBasisPoints: 2030 },
    ]);
    expect(lines.map((l) => l.contributionCents)).toEqual([2446, 2446]);
    expect(totals).toEqual({ lines: 2, hoursHundredths: 15867, wagesCents: 24_100, contributionCents: 4892 });
  });
});

describe('French amounts and hours', () => {
  it.each([
    ['2 450,00', 245_000],
    ['2\u00a0450,00', 245_000],
    ['2\u202f450,5', 245_050],
    ['2450', 245_000],
    ['2450.00', 245_000],
    ['1.234,56', 123_456],
    ['1.234', 123_400],
    ['2 450,00 €', 245_000],
    [' 0 ', 0],
    ['0,01', 1],
  ])('« %s » → %i cents', (input, cents) => {
    expect(parseWagesCents(input)).toEqual({ ok: true, hundredths: cents });
  });

  it.each([
    ['', 'Valeur manquante.'],
    ['-12', 'Le montant ne peut pas être négatif.'],
    ['12,345', 'Deux décimales au plus'],
    ['deux mille', 'n’est pas un nombre'],
    ['12,3,4', 'n’est pas un nombre'],
    ['1 2a', 'n’est pas un nombre'],
  ])('« %s » is refused (%s)', (input, message) => {
    const r = parseWagesCents(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it.each([
    ['151,67', { ok: true, hundredths: 15167 }],
    ['744', { ok: true, hundredths: 74400 }],
    ['744,01', { ok: false, message: 'Un mois compte au plus 744 heures.' }],
  ])('hours « %s »', (input, expected) => {
    expect(parseHoursHundredths(input)).toEqual(expected);
  });
});

describe('months', () => {
  it.each([
    // worker, period, employed?
    [{ hiredOn: '2026-11-30', leftOn: null }, '2026-11-01', true], // hired on the last day
    [{ hiredOn: '2026-12-01', leftOn: null }, '2026-11-01', false],
    [{ hiredOn: '2020-01-01', leftOn: '2026-11-01' }, '2026-11-01', true], // left on the first day
    [{ hiredOn: '2020-01-01', leftOn: '2026-10-31' }, '2026-11-01', false],
    [{ hiredOn: '2024-02-29', leftOn: null }, '2024-02-01', true], // leap day
    [{ hiredOn: '2020-01-01', leftOn: null }, '2026-11-01', true],
  ] as const)('%o employed in %s: %s', (worker, period, expected) => {
    expect(isEmployedInPeriod(worker, period)).toBe(expected);
  });

  it.each([
    ['2026-11-01', '2026-11-30', '2026-12-01', '2027-01-14'],
    ['2024-02-01', '2024-02-29', '2024-03-01', '2024-04-14'], // leap year
    ['2026-02-01', '2026-02-28', '2026-03-01', '2026-04-14'],
    ['2026-12-01', '2026-12-31', '2027-01-01', '2027-02-14'],
  ])('%s ends %s, declaration due %s (contribution due %s: tests/unit/payments-rules)', (period, end, declarationDue) => {
    expect(periodEnd(period)).toBe(end);
    expect(declarationDueOn(period)).toBe(declarationDue);
  });

  it.each([
    ['2026-11', '2026-11-01'],
    ['2026-13', null],
    ['2026-1', null],
    ['../x', null],
  ])('slug %s → %s', (slug, period) => {
    expect(periodFromSlug(slug)).toBe(period);
  });

  it.each([
    // first hire, today, first and last month due, count
    ['2010-06-01', '2026-11-27', '2025-11-01', '2026-10-01', 12],
    ['2010-06-01', '2026-12-01', '2025-12-01', '2026-11-01', 12],
    ['2026-10-15', '2026-12-01', '2026-10-01', '2026-11-01', 2],
    ['2026-11-15', '2026-11-30', null, null, 0], // November is due on 1 December
  ] as const)('first hire %s, today %s: %s … %s', (hire, today, first, last, count) => {
    const due = duePeriods(hire, today);
    expect(due).toHaveLength(count);
    expect(due[0] ?? null).toBe(first);
    expect(due.at(-1) ?? null).toBe(last);
  });

  it('no worker, nothing due', () => {
    expect(duePeriods(null, '2026-11-27')).toEqual([]);
  });

  it.each([
    [1230, '+12,30\u00a0€ : montant dû en hausse'],
    [-500, '−5,00\u00a0€ : montant dû en baisse'],
    [0, 'montant inchangé'],
  ])('delta %i → %s', (cents, text) => {
    expect(describeDelta(cents).replace(/\u202f/g, '\u00a0')).toBe(text);
  });
});

describe('CSV rows of a month', () => {
  const workers = [
    { id: '11111111-1111-4111-8111-111111111111', lastName: 'Müller', firstName: 'Élodie' },
    { id: '22222222-2222-4222-8222-222222222222', lastName: 'Martin', firstName: 'Luc' },
    { id: '33333333-3333-4333-8333-333333333333', lastName: 'Martin', firstName: 'Luc' },
  ];

  it.each([
    ['semicolon, French decimals, accents ignored', 'nom;prenom;heures;salaire_brut\nMULLER;elodie;151,67;2 450,00\n', ';', { ok: true, hours: '151,67', wages: '2 450,00' }],
    ['comma, quoted French decimal', 'nom,prenom,heures,salaire_brut\nMüller,Élodie,"151,67","2450,5"\n', ',', { ok: true, hours: '151,67', wages: '2 450,50' }],
    ['comma, dot decimals', 'Nom,Prénom,Heures,Salaire brut\nMüller,Élodie,151.67,2450.00\n', ',', { ok: true, hours: '151,67', wages: '2 450,00' }],
    ['by identifier', 'identifiant;heures;salaire_brut\n11111111-1111-4111-8111-111111111111;10;100\n', ';', { ok: true, hours: '10,00', wages: '100,00' }],
  ])('%s', (_label, csv, delimiter, expected) => {
    const r = parseDeclarationCsv(csv, workers);
    expect(r.ok && r.delimiter).toBe(delimiter);
    if (r.ok) expect(r.rows[0]).toMatchObject({ line: 2, workerId: workers[0]!.id, ...expected });
  });

  it.each([
    ['unknown worker', 'nom;prenom;heures;salaire_brut\nDurand;Kevin;1;1', 'salarié « Durand Kevin » inconnu ou non employé ce mois-ci'],
    ['two workers with that name', 'nom;prenom;heures;salaire_brut\nMartin;Luc;1;1', 'plusieurs salariés portent ce nom : indiquez leur identifiant'],
    ['wrong wages', 'nom;prenom;heures;salaire_brut\nMüller;Élodie;1;abc', 'salaire brut : « abc » n’est pas un nombre (exemple : 2 450,00 €)'],
    ['missing hours', 'nom;prenom;heures;salaire_brut\nMüller;Élodie;;1', 'heures : valeur manquante'],
    ['unknown identifier', 'identifiant;heures;salaire_brut\nabc;1;1', 'identifiant « abc » inconnu'],
  ])('%s → refused with the reason', (_label, csv, error) => {
    const r = parseDeclarationCsv(csv, workers);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.rows[0]!.ok).toBe(false);
      if (!r.rows[0]!.ok) expect(r.rows[0]!.errors.join(' ; ')).toContain(error);
    }
  });

  it('a worker named twice: both rows refused, with the line numbers', () => {
    const r = parseDeclarationCsv('nom;prenom;heures;salaire_brut\nMüller;Élodie;1;1\n\nMüller;Élodie;2;2\n', workers);
    expect(r.ok && r.rows.map((row) => [row.line, row.ok])).toEqual([[2, false], [4, false]]);
    if (r.ok && !r.rows[0]!.ok) expect(r.rows[0]!.errors).toEqual(['salarié en double dans le fichier (lignes 2, 4)']);
  });

  it.each([
    ['', 'Le fichier est vide.'],
    ['nom;prenom;salaire_brut\nA;B;1', 'Colonnes manquantes dans l’en-tête : heures.'],
    ['heures;salaire_brut\n1;1', 'nom et prenom (ou identifiant)'],
    ['nom;prenom;heures;salaire_brut\n"A;B;1;1', 'guillemet ouvert jamais refermé'],
  ])('unusable file « %s »', (csv, message) => {
    const r = parseDeclarationCsv(csv, workers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});
