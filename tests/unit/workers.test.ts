import { describe, expect, it } from 'vitest';
import { parseWorkersCsv, workerCsvModel } from '@/lib/workers/csv';
import { addYears, exitDateError, parseCategory, parseDay, parseHours, workerSchema } from '@/lib/workers/schemas';

const today = () => '2026-11-27';
const schema = workerSchema({ today });

const good = {
  lastName: 'Durand',
  firstName: 'Kevin',
  birthDate: '14/03/1988',
  category: 'ouvrier',
  hiredOn: '2015-09-01',
  weeklyHours: '35',
  leftOn: '',
};

describe('date, category and hours parsing', () => {
  it.each([
    ['14/03/1988', '1988-03-14'],
    ['1/3/1988', '1988-03-01'],
    ['1988-03-14', '1988-03-14'],
    [' 29/02/2024 ', '2024-02-29'],
    ['29/02/2026', null],
    ['31/04/2026', null],
    ['2026-13-01', null],
    ['14-03-1988', null],
    ['14/03/88', null],
    ['', null],
  ])('parseDay(%j) → %j', (input, expected) => {
    expect(parseDay(input)).toBe(expected);
  });

  it.each([
    ['2012-02-29', 14, '2026-02-28'],
    ['2012-02-29', 12, '2024-02-29'],
    ['2026-11-27', -14, '2012-11-27'],
    ['2026-01-31', 1, '2027-01-31'],
  ])('addYears(%s, %i) → %s', (day, years, expected) => {
    expect(addYears(day, years)).toBe(expected);
  });

  it.each([
    ['ouvrier', 'ouvrier'],
    ['Ouvriers', 'ouvrier'],
    ['ETAM', 'etam'],
    ['Étam', 'etam'],
    [' CADRE ', 'cadre'],
    ['employé', null],
    ['', null],
  ])('parseCategory(%j) → %j', (input, expected) => {
    expect(parseCategory(input)).toBe(expected);
  });

  it.each([
    ['35', 35],
    ['35,5', 35.5],
    ['37.50', 37.5],
    [' 39 ', 39],
    ['35,555', null],
    ['trente', null],
    ['-5', null],
  ])('parseHours(%j) → %j', (input, expected) => {
    expect(parseHours(input)).toBe(expected);
  });
});

describe('worker schema: clear French messages at the field', () => {
  it('accepts a complete worker and normalises it', () => {
    expect(schema.parse({ ...good, lastName: '  Le  Goff ', category: 'ETAM', weeklyHours: '35,5' })).toEqual({
      lastName: 'Le Goff',
      firstName: 'Kevin',
      birthDate: '1988-03-14',
      category: 'etam',
      hiredOn: '2015-09-01',
      weeklyHours: 35.5,
      leftOn: null,
    });
  });

  it.each([
    ['lastName', '', 'Indiquez le nom.'],
    ['lastName', 'Durand3', 'Seuls des lettres, espaces, tirets et apostrophes sont acceptés dans le nom.'],
    ['firstName', ' ', 'Indiquez le prénom.'],
    ['birthDate', '', 'Indiquez la date de naissance.'],
    ['birthDate', '31/02/1988', 'Date invalide : écrivez-la JJ/MM/AAAA (exemple : 14/03/1988).'],
    ['birthDate', '01/01/2013', 'Date de naissance peu plausible : le salarié aurait moins de 14 ans.'],
    ['birthDate', '26/11/1926', 'Date de naissance peu plausible : le salarié aurait plus de 100 ans.'],
    ['category', '', 'Choisissez la catégorie : ouvrier, ETAM ou cadre.'],
    ['category', 'apprenti', 'Catégorie inconnue : ouvrier, ETAM ou cadre.'],
    ['hiredOn', '', 'Indiquez la date d’embauche.'],
    ['hiredOn', '13/03/2002', 'La date d’embauche doit suivre les 14 ans du salarié (au plus tôt le 14/03/2002).'],
    ['hiredOn', '28/11/2027', 'La date d’embauche ne peut pas dépasser d’un an la date du jour.'],
    ['weeklyHours', '', 'Indiquez l’horaire hebdomadaire contractuel (exemple : 35).'],
    ['weeklyHours', '0,5', 'L’horaire hebdomadaire doit être compris entre 1 et 48 heures (exemple : 35 ou 35,5).'],
    ['weeklyHours', '48,5', 'L’horaire hebdomadaire doit être compris entre 1 et 48 heures (exemple : 35 ou 35,5).'],
    ['leftOn', '31/08/2015', 'La date de sortie ne peut pas précéder la date d’embauche (01/09/2015).'],
    ['leftOn', '2015-13-01', 'Date invalide : écrivez-la JJ/MM/AAAA (exemple : 31/12/2026).'],
  ])('%s = %j → « %s »', (field, value, message) => {
    const result = schema.safeParse({ ...good, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });

  it.each([
    ['14 years old today, hired today', { birthDate: '27/11/2012', hiredOn: '27/11/2026' }],
    ['hired on the 14th birthday', { hiredOn: '14/03/2002' }],
    ['1 hour a week', { weeklyHours: '1' }],
    ['48 hours a week', { weeklyHours: '48' }],
    ['left the day of hire', { leftOn: '01/09/2015' }],
    ['leaving in exactly one year', { leftOn: '27/11/2027' }],
    ['hired in exactly one year', { hiredOn: '27/11/2027' }],
  ])('accepts the boundary: %s', (_label, fields) => {
    const result = schema.safeParse({ ...good, ...fields });
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each([
    ['2015-09-01', '2015-08-31', 'La date de sortie ne peut pas précéder la date d’embauche (01/09/2015).'],
    ['2015-09-01', '2015-09-01', null],
    ['2015-09-01', '2027-11-28', 'La date de sortie ne peut pas dépasser d’un an la date du jour.'],
  ])('exitDateError(hired %s, left %s)', (hiredOn, leftOn, expected) => {
    expect(exitDateError(hiredOn, leftOn, '2026-11-27')).toBe(expected);
  });
});

describe('CSV import: row by row, with line numbers', () => {
  const header = 'nom;prenom;date_naissance;categorie;date_embauche;horaire_hebdo;date_sortie';
  const parseCsv = (text: string) => parseWorkersCsv(text, { today });
  const verdicts = (text: string) => {
    const r = parseCsv(text);
    if (!r.ok) throw new Error(r.message);
    return r.rows.map((v) => (v.ok ? { line: v.line, ok: true } : { line: v.line, errors: v.errors }));
  };

  it('reads the model file it offers for download without any error', () => {
    const r = parseCsv(workerCsvModel());
    expect(r.ok && r.rows.map((v) => v.ok)).toEqual([true, true]);
    expect(r.ok && r.rows[1]!.ok && r.rows[1]!.worker).toMatchObject({ lastName: 'Petit', category: 'etam', weeklyHours: 37.5, birthDate: '1979-11-02' });
  });

  it.each([
    ['; with BOM and CRLF', `\ufeff${header}\r\nDurand;Kevin;14/03/1988;ouvrier;01/09/2015;35,5;\r\n`],
    ['; without BOM', `${header}\nDurand;Kevin;14/03/1988;ouvrier;01/09/2015;35,5\n`],
    [', with ISO dates and quoted decimal', `nom,prenom,date_naissance,categorie,date_embauche,horaire_hebdo\nDurand,Kevin,1988-03-14,Ouvrier,2015-09-01,"35,5"\n`],
    ['headers with accents and capitals, columns in another order', `Prénom;Nom;Catégorie;Date de naissance;Date d'embauche;Horaire hebdomadaire\nKevin;Durand;OUVRIER;14/03/1988;01/09/2015;35,5\n`],
  ])('accepts %s', (_label, text) => {
    const r = parseCsv(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toEqual([
      { line: 2, ok: true, label: 'Kevin Durand', worker: { lastName: 'Durand', firstName: 'Kevin', birthDate: '1988-03-14', category: 'ouvrier', hiredOn: '2015-09-01', weeklyHours: 35.5, leftOn: null } },
    ]);
  });

  it('reports each bad row with its line and reasons, and keeps the good ones', () => {
    const text = [
      header,
      'Durand;Kevin;14/03/1988;ouvrier;01/09/2015;35;',
      '',
      'Petit;;31/02/1979;employé;15/02/2012;60;',
      'Moreau;Julien;21/06/1992;ouvrier;01/04/2019;35;01/01/2019',
      'Lambert;Mehdi;30/01/1985;cadre;03/10/2016;39;',
    ].join('\n');
    expect(verdicts(text)).toEqual([
      { line: 2, ok: true },
      {
        line: 4,
        errors: [
          'prénom : Indiquez le prénom.',
          'date de naissance : Date invalide : écrivez-la JJ/MM/AAAA (exemple : 14/03/1988).',
          'catégorie : Catégorie inconnue : ouvrier, ETAM ou cadre.',
          'horaire hebdomadaire : L’horaire hebdomadaire doit être compris entre 1 et 48 heures (exemple : 35 ou 35,5).',
        ],
      },
      { line: 5, errors: ['date de sortie : La date de sortie ne peut pas précéder la date d’embauche (01/04/2019).'] },
      { line: 6, ok: true },
    ]);
  });

  it('refuses every occurrence of the same person in the file', () => {
    const text = [header, 'Durand;Kevin;14/03/1988;ouvrier;01/09/2015;35', 'Petit;Léa;11/02/1999;ouvrier;04/09/2023;35', 'DURAND;Kévin;1988-03-14;ouvrier;01/09/2016;35'].join('\n');
    expect(verdicts(text)).toEqual([
      { line: 2, errors: ['même salarié en double dans le fichier (lignes 2, 4)'] },
      { line: 3, ok: true },
      { line: 4, errors: ['même salarié en double dans le fichier (lignes 2, 4)'] },
    ]);
  });

  it.each([
    ['', 'Le fichier est vide.'],
    ['\ufeff\n\n', 'Le fichier est vide.'],
    [`${header}\n`, 'Le fichier ne contient aucun salarié (seulement la ligne d’en-tête).'],
    ['nom;prenom;categorie\nDurand;Kevin;ouvrier', 'Colonnes manquantes dans la première ligne : date_naissance, date_embauche, horaire_hebdo. Première ligne attendue : nom;prenom;date_naissance;categorie;date_embauche;horaire_hebdo;date_sortie'],
    [`${header}\nDurand;"Kevin;14/03/1988;ouvrier;01/09/2015;35`, 'Le fichier n’est pas un CSV lisible (ligne 2) : vérifiez les guillemets et le séparateur (; ou ,).'],
    [`${header}\nDur\ufffdnd;Kevin;14/03/1988;ouvrier;01/09/2015;35`, 'Le fichier n’est pas encodé en UTF-8 : enregistrez-le au format « CSV UTF-8 » depuis votre tableur.'],
  ])('refuses the whole file %j', (text, message) => {
    expect(parseCsv(text)).toEqual({ ok: false, message });
  });
});

describe('worker schema: every problem at once', () => {
  it('reports the date checks even when another field is wrong', () => {
    const result = schema.safeParse({ ...good, weeklyHours: '60', birthDate: '12/05/1995', hiredOn: '01/01/2005', category: '' });
    expect(Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      category: 'Choisissez la catégorie : ouvrier, ETAM ou cadre.',
      weeklyHours: 'L’horaire hebdomadaire doit être compris entre 1 et 48 heures (exemple : 35 ou 35,5).',
      hiredOn: 'La date d’embauche doit suivre les 14 ans du salarié (au plus tôt le 12/05/2009).',
    });
  });

  it('does not compare a date that did not parse', () => {
    const result = schema.safeParse({ ...good, birthDate: '31/02/1995', hiredOn: '01/01/2005' });
    expect(result.error!.issues.map((i) => i.path[0])).toEqual(['birthDate']);
  });
});
