import { describe, expect, it } from 'vitest';
import {
  mapMemberHeader,
  normalizeHeader,
  validateMemberRow,
  validateMemberRows,
  type RawMemberRow,
} from '@/lib/companies/member-import';

const ctx = {
  departments: new Map([
    ['01', 'Ain'],
    ['54', 'Meurthe-et-Moselle'],
    ['67', 'Bas-Rhin'],
    ['88', 'Vosges'],
  ]),
};

const good = {
  siret: '91234567500017',
  raison_sociale: 'Bâtiments de l’Est SARL',
  adresse: '24 rue de la Commanderie',
  code_postal: '54000',
  ville: 'Nancy',
  departement: '54',
  numero_adherent: 'GE-054-000417',
  email: 'Contact@Batiments-Est.test',
};

function row(values: Partial<typeof good>, line = 2): RawMemberRow {
  return { line, values: { ...good, ...values } };
}

describe('member row validation', () => {
  it('accepts a complete row and cleans it', () => {
    const v = validateMemberRow(row({ siret: '912 345 675 00017', raison_sociale: '  Bâtiments  de l’Est SARL ', numero_adherent: 'ge-054-000417' }), ctx);
    expect(v).toEqual({
      line: 2,
      ok: true,
      warnings: [],
      member: {
        siret: '91234567500017',
        name: 'Bâtiments de l’Est SARL',
        addressLine: '24 rue de la Commanderie',
        postcode: '54000',
        city: 'Nancy',
        departmentCode: '54',
        membershipNumber: 'GE-054-000417',
        contactEmail: 'contact@batiments-est.test',
      },
    });
  });

  it.each([
    ['SIRET with a wrong check digit', { siret: '91234567500018' }, /SIRET « 91234567500018 » inexistant/],
    ['SIRET with a wrong SIREN', { siret: '91234567600017' }, /SIRET .* inexistant/],
    ['SIRET too short', { siret: '9123456750001' }, /SIRET .* 14 chiffres attendus/],
    ['SIRET with letters', { siret: '9123456750001A' }, /14 chiffres attendus/],
    ['La Poste SIRET whose digit sum is not a multiple of 5', { siret: '35600000000011' }, /SIRET .* inexistant/],
    ['missing SIRET', { siret: '' }, /^SIRET manquant$/],
    ['missing raison sociale', { raison_sociale: '  ' }, /raison sociale manquante/],
    ['missing address', { adresse: '' }, /adresse manquante/],
    ['postcode of 4 digits', { code_postal: '5400' }, /code postal « 5400 » invalide/],
    ['postcode with a letter', { code_postal: '54OOO' }, /code postal .* invalide/],
    ['missing city', { ville: '' }, /ville manquante/],
    ['department outside the circonscription', { departement: '75', code_postal: '75001' }, /département « 75 » hors de la circonscription/],
    ['missing department', { departement: '' }, /département manquant/],
    ['missing membership number', { numero_adherent: '' }, /numéro d’adhérent manquant/],
    ['malformed email', { email: 'contact@' }, /adresse électronique « contact@ » invalide/],
    ['email with a space', { email: 'jean dupont@exemple.fr' }, /adresse électronique .* invalide/],
  ])('rejects a %s', (_label, values, reason) => {
    const v = validateMemberRow(row(values), ctx);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors).toHaveLength(1);
    expect(v.errors[0]).toMatch(reason);
  });

  it.each([
    ['La Poste SIRET (digit sum 30, Luhn not applied)', { siret: '35600000000097' }],
    ['no email (optional)', { email: '' }],
    ['postcode with a space', { code_postal: '54 000' }],
  ])('accepts a %s', (_label, values) => {
    expect(validateMemberRow(row(values), ctx).ok).toBe(true);
  });

  it('gives every reason of a bad row at once', () => {
    const v = validateMemberRow({ line: 7, values: { siret: '1', code_postal: 'x', departement: '99' } }, ctx);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.line).toBe(7);
    expect(v.errors).toHaveLength(7); // siret, name, address, postcode, city, department, number; no email is fine
    expect(v.errors.join(' | ')).toMatch(/SIRET.*raison sociale.*adresse.*code postal.*ville.*département.*numéro d’adhérent/);
  });

  it('pads a one-digit department the way spreadsheets drop the zero', () => {
    const v = validateMemberRow(row({ departement: '1', code_postal: '01000', ville: 'Bourg-en-Bresse' }), ctx);
    expect(v).toMatchObject({ ok: true, member: { departmentCode: '01' }, warnings: [] });
  });

  it('warns, without refusing, when the postcode is of another department', () => {
    const v = validateMemberRow(row({ code_postal: '57000' }), ctx);
    expect(v).toMatchObject({ ok: true, warnings: [expect.stringContaining('57000 ne commence pas par 54')] });
  });

  it('rejects every occurrence of a SIRET or a membership number repeated in the file', () => {
    const verdicts = validateMemberRows(
      [
        row({}, 2),
        row({ siret: '92345678400019', numero_adherent: 'GE-067-1' }, 3),
        row({ numero_adherent: 'GE-054-2' }, 4),
        row({ siret: '94567890200012', numero_adherent: 'GE-067-1' }, 5),
        row({ siret: '73282932000074', numero_adherent: 'GE-088-3' }, 6),
      ],
      ctx,
    );
    expect(verdicts.map((v) => v.ok)).toEqual([false, false, false, false, true]);
    expect(verdicts[0]).toMatchObject({ errors: ['SIRET 912 345 675 00017 en double dans le fichier (lignes 2, 4)'] });
    expect(verdicts[1]).toMatchObject({ errors: ['numéro d’adhérent GE-067-1 en double dans le fichier (lignes 3, 5)'] });
  });
});

describe('member file header', () => {
  it('normalises accents, case and separators', () => {
    expect(normalizeHeader(' Numéro d’adhérent ')).toBe('numero_d_adherent');
    expect(normalizeHeader('Raison sociale')).toBe('raison_sociale');
    expect(normalizeHeader('Code-Postal')).toBe('code_postal');
  });

  it('maps the documented header and its usual spellings, in any order', () => {
    const m = mapMemberHeader(['Ville', 'SIRET', 'Raison sociale', 'Adresse', 'CP', 'Département', 'Numéro d’adhérent', 'Courriel', 'Commentaire']);
    expect(m).toEqual({
      ok: true,
      columns: ['ville', 'siret', 'raison_sociale', 'adresse', 'code_postal', 'departement', 'numero_adherent', 'email', null],
      ignored: ['Commentaire'],
    });
  });

  it('refuses a header without a required column, naming it', () => {
    const m = mapMemberHeader(['siret', 'raison_sociale', 'adresse', 'ville', 'departement']);
    expect(m).toMatchObject({ ok: false, message: expect.stringContaining('code_postal, numero_adherent') });
  });

  it('refuses a header with a column twice', () => {
    expect(mapMemberHeader(['siret', 'SIRET', 'raison_sociale'])).toMatchObject({ ok: false, message: expect.stringContaining('deux fois') });
  });
});
