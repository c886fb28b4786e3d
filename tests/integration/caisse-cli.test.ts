import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { organisations, provisionalCredentials } from '@/db/schema';
import { demoCompanies, demoLetters, seedDemo } from '@/db/seed';
import { runCaisseCli } from '@/lib/caisse-cli';
import { getEnv } from '@/lib/env';
import { addDaysToDay, todayInFrance } from '@/lib/format';
import { CODE_ALPHABET, hashIdentifier, issueLetters, normalizeCode, normalizeIdentifier, verifyCode } from '@/lib/onboarding/credentials';
import { engines, useTestDatabase } from '../support/db';
import { testSiret } from '../support/siret';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'caisse-cli-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
let dirCounter = 0;
function tmpDir(): string {
  return fs.mkdtempSync(path.join(tmpRoot, `t${++dirCounter}-`));
}

/** The CLI in-process against the test database: what the caisse staff would see, and the exit code. */
function caisse(db: () => Db) {
  const cwd = tmpDir();
  return async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCaisseCli(argv, { out: (l = '') => out.push(l), err: (l = '') => err.push(l), getDb: async () => db(), cwd });
    return { code, out: out.join('\n'), err: err.join('\n'), cwd };
  };
}

/** The text of a PDF, with line breaks and no-break spaces read as plain spaces. */
async function pdfText(file: string): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: totalPages };
}

/** Text as a typist would compare it: no spaces or dashes, upper case. */
function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u202f\-\u2010-\u2015]/g, '').toUpperCase();
}

const header = 'siret;raison_sociale;adresse;code_postal;ville;departement;numero_adherent;email';

describe.each(engines)('caisse CLI (%s)', (engine) => {
  const db = useTestDatabase(engine);
  // Each engine has its own database; distinct numbers keep the SIRETs of the two runs apart in reports.
  const base = engine === 'pglite' ? 1_000 : 2_000;

  async function insertCompany(n: number, extra: Partial<typeof organisations.$inferInsert> = {}) {
    const [row] = await db()
      .insert(organisations)
      .values({
        kind: 'company',
        siret: testSiret(base + n),
        name: `Entreprise test ${n}`,
        addressLine: `${n} rue des Tests`,
        postcode: '54000',
        city: 'Nancy',
        departmentCode: '54',
        membershipNumber: `T-${base + n}`,
        ...extra,
      })
      .returning();
    return row!;
  }

  async function writeCsv(content: string | Buffer): Promise<string> {
    const file = path.join(tmpDir(), 'membres.csv');
    fs.writeFileSync(file, content);
    return file;
  }

  it('imports the valid rows, reports each rejected line with its reasons, and updates on re-import', async () => {
    const run = caisse(db);
    await insertCompany(10, { membershipNumber: 'T-TAKEN' });
    await insertCompany(11, { kind: 'accounting_firm', membershipNumber: null });
    const [a, b, dup, c] = [testSiret(base + 1), testSiret(base + 2), testSiret(base + 3), testSiret(base + 4)];
    const csv = [
      header,
      `${a};Maçonnerie Vosgienne SARL;5 rue du Général Leclerc;88000;Épinal;88;T-A;contact@maconnerie.test`,
      `91234567500018;Erreur de SIRET SAS;1 rue A;54000;Nancy;54;T-X;`,
      `${b.slice(0, 3)} ${b.slice(3, 6)} ${b.slice(6, 9)} ${b.slice(9)};"Couverture ""Rhénane"" ; Fils";3 quai Kléber;67000;Strasbourg;67;T-B;`,
      `${testSiret(base + 5)};Parisienne SAS;2 rue B;75001;Paris;75;T-P;`,
      `${dup};Doublon 1;1 rue C;54000;Nancy;54;T-D1;`,
      `${dup};Doublon 2;1 rue C;54000;Nancy;54;T-D2;`,
      `${c};Numéro pris SARL;4 rue D;54000;Nancy;54;T-TAKEN;`,
      `${testSiret(base + 11)};Cabinet déguisé;5 rue E;54000;Nancy;54;T-F;`,
      `${testSiret(base + 6)};Sans code postal;6 rue F;;Nancy;54;T-G;pas-un-email`,
    ].join('\n');
    const first = await run('import-members', await writeCsv('\uFEFF' + csv));
    expect(first.code).toBe(2);
    expect(first.out).toContain('9 lignes de données, séparateur « ; »');
    expect(first.out).toContain('Lignes rejetées (7)');
    expect(first.out).toMatch(/ligne 3 \(SIRET 91234567500018\) : SIRET « 91234567500018 » inexistant/);
    expect(first.out).toMatch(/ligne 5 \(SIRET \d{14}\) : département « 75 » hors de la circonscription/);
    expect(first.out).toMatch(new RegExp(`ligne 6 \\(SIRET ${dup}\\) : SIRET .* en double dans le fichier \\(lignes 6, 7\\)`));
    expect(first.out).toMatch(/ligne 7 \(SIRET \d{14}\) : SIRET .* en double/);
    expect(first.out).toMatch(/ligne 8 .* : le numéro d’adhérent T-TAKEN est déjà attribué au SIRET/);
    expect(first.out).toMatch(/ligne 9 .* : le SIRET .* est celui d’un cabinet comptable/);
    expect(first.out).toMatch(/ligne 10 .* : code postal manquant ; adresse électronique « pas-un-email » invalide/);
    expect(first.out).toContain('Résumé : 2 entreprises créées, 0 mise à jour, 0 inchangée, 7 lignes rejetées.');

    const imported = await db().select().from(organisations).where(inArray(organisations.siret, [a, b, dup, c]));
    expect(imported.map((o) => o.siret).sort()).toEqual([a, b].sort());
    const rowB = imported.find((o) => o.siret === b)!;
    expect(rowB).toMatchObject({ kind: 'company', name: 'Couverture "Rhénane" ; Fils', departmentCode: '67', contactEmail: null, activatedAt: null });
    // The accounting firm was not turned into a member company.
    const [firm] = await db().select().from(organisations).where(eq(organisations.siret, testSiret(base + 11)));
    expect(firm).toMatchObject({ kind: 'accounting_firm', name: 'Entreprise test 11' });

    // Re-import: comma-separated, Windows line ends, A moved (email cell empty), B unchanged, one new.
    const second = await run(
      'import-members',
      await writeCsv(
        [
          header.replaceAll(';', ','),
          `${a},Maçonnerie Vosgienne SARL,"12, avenue de la Gare",88000,Épinal,88,T-A,`,
          `${b},"Couverture ""Rhénane"" ; Fils",3 quai Kléber,67000,Strasbourg,67,T-B,`,
          `${c},Nouvelle SARL,4 rue D,01000,Bourg-en-Bresse,1,T-C,`,
        ].join('\r\n'),
      ),
    );
    expect(second).toMatchObject({ code: 0, err: '' });
    expect(second.out).toContain('séparateur « , »');
    expect(second.out).toContain('Résumé : 1 entreprise créée, 1 mise à jour, 1 inchangée, 0 ligne rejetée.');
    const after = await db().select().from(organisations).where(inArray(organisations.siret, [a, b, c]));
    expect(after).toHaveLength(3);
    expect(after.find((o) => o.siret === a)).toMatchObject({ addressLine: '12, avenue de la Gare', contactEmail: 'contact@maconnerie.test' });
    expect(after.find((o) => o.siret === c)).toMatchObject({ departmentCode: '01', membershipNumber: 'T-C' });
  });

  it('refuses a whole file it cannot read, importing nothing (exit 1)', async () => {
    const run = caisse(db);
    const s = testSiret(base + 20);
    const noPostcodeColumn = await run('import-members', await writeCsv(`siret;raison_sociale;adresse;ville;departement;numero_adherent\n${s};X;1 rue;Nancy;54;T-Z`));
    expect(noPostcodeColumn.code).toBe(1);
    expect(noPostcodeColumn.err).toContain('Colonne manquante dans l’en-tête : code_postal');
    const latin1 = await run('import-members', await writeCsv(Buffer.from(`${header}\n${s};Société Générale BTP;1 rue;54000;Nancy;54;T-Z;\n`, 'latin1')));
    expect(latin1.code).toBe(1);
    expect(latin1.err).toContain('pas encodé en UTF-8');
    const missing = await run('import-members', 'nulle-part.csv');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Fichier introuvable');
    const usage = await run('import-members');
    expect(usage.code).toBe(1);
    expect(usage.err).toContain('indiquez un et un seul fichier CSV');
    expect(await db().select().from(organisations).where(eq(organisations.siret, s))).toHaveLength(0);
  });

  it('writes two one-page letters: the identifier in the first only, the code in the second only, and stores only hashes', async () => {
    const run = caisse(db);
    const company = await insertCompany(30, {
      name: 'Société Lorraine de Charpente, Couverture et Zinguerie des Trois Évêchés SARL',
      addressLine: '128 boulevard du Maréchal de Lattre de Tassigny, bâtiment C',
      hadLegacyDelegation: true,
    });
    const out = path.join(tmpDir(), 'courriers');
    const result = await run('letters', '--siret', company.siret, '--out', out);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('Courriers émis pour 1 entreprise');

    const letter1 = path.join(out, `${company.siret}-1-identifiant.pdf`);
    const letter2 = path.join(out, `${company.siret}-2-code-confidentiel.pdf`);
    const [one, two] = [await pdfText(letter1), await pdfText(letter2)];
    expect([one.pages, two.pages]).toEqual([1, 1]);

    const identifier = one.text.match(/GE-\d{4}-\d{8}/)?.[0];
    const code = two.text.match(new RegExp(`[${CODE_ALPHABET}]{5}-[${CODE_ALPHABET}]{5}`))?.[0];
    expect(identifier).toBeDefined();
    expect(code).toBeDefined();
    expect(squeeze(one.text)).not.toContain(normalizeCode(code!));
    expect(squeeze(two.text)).not.toContain(normalizeIdentifier(identifier!));
    expect(two.text).not.toMatch(/GE-\d{4}-\d{8}/);

    for (const { text } of [one, two]) {
      expect(text).toContain(company.name);
      expect(text).toContain(company.addressLine);
      expect(text).toContain('54000 NANCY');
      expect(text).toMatch(/Nancy, le (1er|\d{1,2}) \p{L}+ \d{4}/u);
      expect(text).toContain('CIBTP Grand Est');
    }
    expect(one.text).toContain('Première connexion à cet espace ?');
    expect(one.text).toContain('Déléguez à mon cabinet comptable'); // hadLegacyDelegation
    expect(two.text).toContain('strictement confidentiel');

    // What is stored: the keyed hash of the identifier, the argon2id hash of the code, nothing in clear.
    const rows = await db().select().from(provisionalCredentials).where(eq(provisionalCredentials.organisationId, company.id));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.identifierHash).toBe(hashIdentifier(identifier!, getEnv().lettersSecret));
    expect(await verifyCode(row.codeHash, code!.toLowerCase())).toBe(true);
    const stored = JSON.stringify(row).toUpperCase();
    for (const secret of [identifier!, normalizeIdentifier(identifier!), code!, normalizeCode(code!)]) expect(stored).not.toContain(secret);
    // 60 days by default, to midnight (Paris) after the last day printed on the letters.
    const lastDay = addDaysToDay(todayInFrance(), 60);
    expect(one.text).toMatch(/Valable jusqu’au \d{1,2} \p{L}+ \d{4} inclus/u);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(60 * 86_400_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(61 * 86_400_000);

    // The manifest tells the mail room what goes where, without any secret; the files are private.
    const manifests = fs.readdirSync(out).filter((f) => f.startsWith('manifeste-'));
    expect(manifests).toHaveLength(1);
    const manifest = fs.readFileSync(path.join(out, manifests[0]!), 'utf8');
    expect(manifest).toContain('siret;raison_sociale;numero_adherent;courrier_1_identifiant;courrier_2_code;valable_jusqu_au;expire_le');
    expect(manifest).toContain(`${company.siret};${company.name};${company.membershipNumber};${company.siret}-1-identifiant.pdf`);
    expect(manifest).toContain(lastDay);
    for (const secret of [identifier!, normalizeIdentifier(identifier!), code!, normalizeCode(code!)]) {
      expect(squeeze(manifest)).not.toContain(normalizeCode(secret));
    }
    for (const f of fs.readdirSync(out)) expect(fs.statSync(path.join(out, f)).mode & 0o077).toBe(0);
  });

  it('new letters supersede the earlier ones; --validity-days sets the expiry', async () => {
    const run = caisse(db);
    const company = await insertCompany(40);
    const out = path.join(tmpDir(), 'lot');
    expect((await run('letters', '--siret', company.siret, '--out', out)).code).toBe(0);
    const code1 = (await pdfText(path.join(out, `${company.siret}-2-code-confidentiel.pdf`))).text.match(/[A-Z2-9]{5}-[A-Z2-9]{5}/)![0];
    const [firstRow] = await db().select().from(provisionalCredentials).where(eq(provisionalCredentials.organisationId, company.id));

    const again = await run('letters', '--siret', company.siret, '--out', out, '--validity-days', '10');
    expect(again.code).toBe(0);
    expect(again.out).toContain('Les courriers précédents de ces entreprises ne fonctionnent plus');
    const code2 = (await pdfText(path.join(out, `${company.siret}-2-code-confidentiel.pdf`))).text.match(/[A-Z2-9]{5}-[A-Z2-9]{5}/)![0];
    expect(code2).not.toBe(code1);

    const rows = await db().select().from(provisionalCredentials).where(eq(provisionalCredentials.organisationId, company.id));
    expect(rows).toHaveLength(2);
    const old = rows.find((r) => r.id === firstRow!.id)!;
    const current = rows.find((r) => r.id !== firstRow!.id)!;
    expect(old.supersededAt).toBeInstanceOf(Date);
    expect(current.supersededAt).toBeNull();
    expect(current.identifierHash).not.toBe(old.identifierHash);
    expect(await verifyCode(current.codeHash, code1)).toBe(false);
    expect(await verifyCode(current.codeHash, code2)).toBe(true);
    expect(current.expiresAt.getTime() - Date.now()).toBeGreaterThan(10 * 86_400_000);
    expect(current.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(11 * 86_400_000);

    const bad = await run('letters', '--siret', company.siret, '--out', out, '--validity-days', 'deux');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--validity-days attend un nombre entier');
  });

  it('refuses an activated company or an unknown SIRET, and then issues nothing at all', async () => {
    const run = caisse(db);
    const activated = await insertCompany(50, { activatedAt: new Date('2026-03-12T09:00:00Z') });
    const pending = await insertCompany(51);
    const out = path.join(tmpDir(), 'refus');
    const refused = await run('letters', '--siret', pending.siret, '--siret', activated.siret, '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('a déjà créé son Espace sécurisé le 12/03/2026');
    expect(refused.err).toContain('Aucun courrier n’a été émis.');
    const unknown = await run('letters', '--siret', testSiret(base + 59), '--out', out);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Aucune entreprise n’a le SIRET');
    const invalid = await run('letters', '--siret', '91234567500018', '--out', out);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('n’existe pas');
    expect(
      await db().select().from(provisionalCredentials).where(inArray(provisionalCredentials.organisationId, [activated.id, pending.id])),
    ).toHaveLength(0);
    expect(fs.existsSync(out)).toBe(false);
    // And the library refuses too, whoever calls it.
    await expect(issueLetters(db(), activated.id)).rejects.toMatchObject({ reason: 'activated' });
  });

  it('--all-pending covers member companies without working letters, and only them', async () => {
    const run = caisse(db);
    const never = await insertCompany(60);
    const holding = await insertCompany(61);
    await issueLetters(db(), holding.id);
    const expired = await insertCompany(62);
    await issueLetters(db(), expired.id, { now: new Date(Date.now() - 100 * 86_400_000), validityDays: 10 });
    const locked = await insertCompany(63);
    const { credentialId } = await issueLetters(db(), locked.id);
    await db().update(provisionalCredentials).set({ lockedAt: new Date(), failedAttempts: 5 }).where(eq(provisionalCredentials.id, credentialId));
    const activated = await insertCompany(64, { activatedAt: new Date() });
    const firm = await insertCompany(65, { kind: 'accounting_firm', membershipNumber: null });

    const out = path.join(tmpDir(), 'tous');
    const result = await run('letters', '--all-pending', '--out', out);
    expect(result.code).toBe(0);
    const files = fs.readdirSync(out);
    for (const o of [never, expired, locked]) expect(files).toContain(`${o.siret}-1-identifiant.pdf`);
    for (const o of [holding, activated, firm]) expect(files).not.toContain(`${o.siret}-1-identifiant.pdf`);
    const active = await db()
      .select({ organisationId: provisionalCredentials.organisationId })
      .from(provisionalCredentials)
      .where(and(inArray(provisionalCredentials.organisationId, [holding.id, expired.id, locked.id]), isNull(provisionalCredentials.supersededAt)));
    expect(active).toHaveLength(3); // one current pair each: the holder's untouched, the others replaced

    // Run again: every pending company now holds letters in the post, so nothing is re-issued.
    const again = await run('letters', '--all-pending', '--out', path.join(tmpDir(), 'encore'));
    expect(again).toMatchObject({ code: 0, out: 'Aucune entreprise en attente de courriers : rien n’a été émis.' });
  });

  it('seeds the demo company’s fixed letters once, hashed like real ones', async () => {
    await seedDemo(db());
    await seedDemo(db());
    const [nancy] = await db().select().from(organisations).where(eq(organisations.siret, demoCompanies.nancy.siret));
    const rows = await db().select().from(provisionalCredentials).where(eq(provisionalCredentials.organisationId, nancy!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.identifierHash).toBe(hashIdentifier('ge 2026 000417', getEnv().lettersSecret));
    expect(demoLetters.nancy).toMatchObject({ identifier: 'GE-2026-000417', code: 'K7Q4-M2XP' });
    expect(await verifyCode(rows[0]!.codeHash, 'k7q4 m2xp')).toBe(true);
    expect(rows[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 4 * 365 * 86_400_000);
    expect(nancy!.activatedAt).toBeNull();
  });
});

describe('caisse CLI as a process', () => {
  function npmRunCaisse(...args: string[]) {
    return spawnSync('npm', ['run', '--silent', 'caisse', '--', ...args], { cwd: process.cwd(), encoding: 'utf8', timeout: 120_000 });
  }

  it('prints its French help with exit code 0, and exits 1 on an unknown command', { timeout: 240_000 }, () => {
    const help = npmRunCaisse('--help');
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Outil de la caisse');
    expect(help.stdout).toMatch(/import-members\s+importe ou met à jour/);
    expect(help.stdout).toMatch(/letters\s+émet les deux courriers/);

    const unknown = npmRunCaisse('envoyer-tout');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Commande inconnue : « envoyer-tout »');
  });
});
