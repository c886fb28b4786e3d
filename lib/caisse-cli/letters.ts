import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, gt, inArray, isNull, notExists } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caisse, caisseSites, departments, organisations, provisionalCredentials } from '@/db/schema';
import { checkSiret, formatSiret } from '@/lib/companies/siret';
import { getEnv } from '@/lib/env';
import { formatDayLong, formatDayShort, todayInFrance } from '@/lib/format';
import { issueLetters } from '@/lib/onboarding/credentials';
import { renderLetters, type LetterSite } from '@/lib/onboarding/letters-pdf';
import { parseCommandArgs, parseIntegerOption } from './args';
import { CliError, UsageError, exitCodes, type CaisseCommand } from './types';

export type LettersOptions = {
  /** Explicit companies: always re-issued (lost or expired letters). */
  sirets?: string[];
  /** Every member company not activated and holding no letters that still work. */
  allPending?: boolean;
  outDir: string;
  validityDays?: number;
  now?: Date;
};

export type IssuedCompanyLetters = {
  siret: string;
  name: string;
  membershipNumber: string | null;
  identifierFile: string;
  codeFile: string;
  lastValidDay: string;
  expiresAt: Date;
};

export type LettersResult = { issued: IssuedCompanyLetters[]; manifestFile: string | null };

const orgColumns = {
  id: organisations.id,
  kind: organisations.kind,
  siret: organisations.siret,
  name: organisations.name,
  addressLine: organisations.addressLine,
  postcode: organisations.postcode,
  city: organisations.city,
  membershipNumber: organisations.membershipNumber,
  hadLegacyDelegation: organisations.hadLegacyDelegation,
  activatedAt: organisations.activatedAt,
  siteName: caisseSites.name,
  siteAddressLine: caisseSites.addressLine,
  sitePostcode: caisseSites.postcode,
  siteCity: caisseSites.city,
  sitePhone: caisseSites.phone,
};

function selectOrgs(db: Db) {
  return db
    .select(orgColumns)
    .from(organisations)
    .leftJoin(departments, eq(departments.code, organisations.departmentCode))
    .leftJoin(caisseSites, eq(caisseSites.id, departments.siteId));
}
type OrgRow = Awaited<ReturnType<typeof selectOrgs>>[number];

/** Who gets letters; an explicit SIRET that cannot get any stops everything, before anything is issued. */
async function selectRecipients(db: Db, options: LettersOptions, now: Date): Promise<OrgRow[]> {
  const selected = new Map<string, OrgRow>();
  if (options.sirets?.length) {
    const sirets = options.sirets.map((s) => {
      const check = checkSiret(s);
      if (!check.ok) throw new CliError(`SIRET « ${s} » : ${check.message} Aucun courrier n’a été émis.`);
      return check.siret;
    });
    const found = await selectOrgs(db).where(inArray(organisations.siret, sirets));
    for (const siret of sirets) {
      const org = found.find((o) => o.siret === siret);
      if (!org)
        throw new CliError(
          `Aucune entreprise n’a le SIRET ${formatSiret(siret)} : importez-la d’abord (npm run caisse -- import-members). Aucun courrier n’a été émis.`,
        );
      if (org.activatedAt)
        throw new CliError(
          `${org.name} (SIRET ${formatSiret(siret)}) a déjà créé son Espace sécurisé le ${formatDayShort(todayInFrance(org.activatedAt))} : ` +
            'les courriers ne servent qu’à la première connexion. Aucun courrier n’a été émis.',
        );
      selected.set(org.id, org);
    }
  }
  if (options.allPending) {
    const stillValid = db
      .select({ id: provisionalCredentials.id })
      .from(provisionalCredentials)
      .where(
        and(
          eq(provisionalCredentials.organisationId, organisations.id),
          isNull(provisionalCredentials.supersededAt),
          isNull(provisionalCredentials.consumedAt),
          isNull(provisionalCredentials.lockedAt),
          gt(provisionalCredentials.expiresAt, now),
        ),
      );
    const pending = await selectOrgs(db)
      .where(and(eq(organisations.kind, 'company'), isNull(organisations.activatedAt), notExists(stillValid)))
      .orderBy(asc(organisations.postcode), asc(organisations.name));
    for (const org of pending) selected.set(org.id, org);
  }
  return [...selected.values()];
}

function writePrivateFile(file: string, data: Buffer | string): void {
  // Letters hold secrets: readable by the operator only, and never half-written.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Issues fresh credentials and writes the two PDF letters of each selected company, plus a manifest
 * without secrets. Each company is one transaction: its earlier letters stop working only if the new
 * ones were rendered.
 */
export async function generateLetters(db: Db, options: LettersOptions): Promise<LettersResult> {
  const now = options.now ?? new Date();
  const validityDays = options.validityDays ?? getEnv().lettersValidityDays;
  const [sender] = await db.select().from(caisse).limit(1);
  if (!sender) throw new CliError('Identité de la caisse absente (table caisse) : lancez « npm run db:migrate ».');
  const recipients = await selectRecipients(db, options, now);
  if (!recipients.length) return { issued: [], manifestFile: null };

  fs.mkdirSync(options.outDir, { recursive: true, mode: 0o700 });
  const day = todayInFrance(now);
  const issued: IssuedCompanyLetters[] = [];
  const manifestFile = path.join(options.outDir, `manifeste-${timestamp(now)}.csv`);
  try {
    for (const org of recipients) {
      const site: LetterSite | null = org.siteName
        ? { name: org.siteName, addressLine: org.siteAddressLine!, postcode: org.sitePostcode!, city: org.siteCity!, phone: org.sitePhone! }
        : null;
      const { letters, pdfs } = await db.transaction(async (tx) => {
        const letters = await issueLetters(tx, org.id, { now, validityDays });
        const pdfs = await renderLetters({ sender, company: org, site, day, lastValidDay: letters.lastValidDay }, letters);
        return { letters, pdfs };
      });
      const identifierFile = `${org.siret}-1-identifiant.pdf`;
      const codeFile = `${org.siret}-2-code-confidentiel.pdf`;
      writePrivateFile(path.join(options.outDir, identifierFile), pdfs.identifierPdf);
      writePrivateFile(path.join(options.outDir, codeFile), pdfs.codePdf);
      issued.push({
        siret: org.siret,
        name: org.name,
        membershipNumber: org.membershipNumber,
        identifierFile,
        codeFile,
        lastValidDay: letters.lastValidDay,
        expiresAt: letters.expiresAt,
      });
    }
  } finally {
    // Even after a failure midway, the manifest lists the letters that were issued (and superseded older ones).
    if (issued.length) writePrivateFile(manifestFile, manifestCsv(issued));
  }
  return { issued, manifestFile };
}

/** For the mail room and the records: which files go to whom. No identifier, no code. */
export function manifestCsv(issued: IssuedCompanyLetters[]): string {
  return stringify(
    issued.map((i) => [i.siret, i.name, i.membershipNumber ?? '', i.identifierFile, i.codeFile, i.lastValidDay, i.expiresAt.toISOString()]),
    {
      bom: true,
      delimiter: ';',
      header: true,
      columns: ['siret', 'raison_sociale', 'numero_adherent', 'courrier_1_identifiant', 'courrier_2_code', 'valable_jusqu_au', 'expire_le'],
    },
  );
}

export const lettersCommand: CaisseCommand = {
  name: 'letters',
  summary: 'émet les deux courriers de première connexion (identifiant, code confidentiel) en PDF',
  help: [
    'Usage : npm run caisse -- letters (--siret <SIRET> … | --all-pending) --out <dossier> [--validity-days <N>]',
    '',
    'Pour chaque entreprise choisie dont l’Espace sécurisé n’est pas encore créé : tire un nouvel',
    'identifiant provisoire et un nouveau code confidentiel (seules leurs empreintes sont enregistrées),',
    'et écrit deux courriers PDF séparés, prêts à poster sous deux plis (enveloppe DL à fenêtre) :',
    '  <SIRET>-1-identifiant.pdf          l’identifiant et les étapes de la première connexion',
    '  <SIRET>-2-code-confidentiel.pdf    le code confidentiel seul',
    'ainsi qu’un manifeste manifeste-<date>.csv sans aucun secret (SIRET, raison sociale, fichiers, validité).',
    'Les courriers émis auparavant pour ces entreprises cessent aussitôt de fonctionner.',
    'Les PDF contiennent les secrets : supprimez-les une fois imprimés.',
    '',
    'Options :',
    '  --siret <SIRET>        une entreprise (répétable) ; ses courriers sont toujours réémis.',
    '                         Refusé si son Espace sécurisé est déjà créé.',
    '  --all-pending          toutes les entreprises adhérentes sans Espace sécurisé et sans courriers',
    '                         encore valables (jamais émis, expirés, bloqués) ; relancer ne réémet pas',
    '                         les courriers déjà partis.',
    '  --out <dossier>        dossier où écrire les PDF et le manifeste (créé au besoin).',
    '  --validity-days <N>    durée de validité en jours (défaut : LETTERS_VALIDITY_DAYS, sinon 60).',
    '',
    'Exemples :',
    '  npm run caisse -- letters --siret "912 345 675 00017" --out courriers/',
    '  npm run caisse -- letters --all-pending --out courriers/ --validity-days 90',
  ].join('\n'),
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      siret: { type: 'string', multiple: true },
      'all-pending': { type: 'boolean' },
      out: { type: 'string' },
      'validity-days': { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`argument inattendu : ${positionals[0]}`);
    if (!values.siret?.length && !values['all-pending']) throw new UsageError('indiquez --siret <SIRET> ou --all-pending');
    if (!values.out) throw new UsageError('indiquez le dossier de sortie avec --out <dossier>');
    const validityDays =
      values['validity-days'] !== undefined ? parseIntegerOption('--validity-days', values['validity-days'], 1, 366) : undefined;
    const outDir = path.resolve(ctx.cwd, values.out);

    const result = await generateLetters(await ctx.getDb(), {
      sirets: values.siret,
      allPending: values['all-pending'],
      outDir,
      validityDays,
      now: ctx.now?.(),
    });
    if (!result.issued.length) {
      ctx.out('Aucune entreprise en attente de courriers : rien n’a été émis.');
      return exitCodes.ok;
    }
    const n = result.issued.length;
    ctx.out(`Courriers émis pour ${n} entreprise${n > 1 ? 's' : ''}, dans ${outDir} :`);
    for (const i of result.issued) ctx.out(`  ${formatSiret(i.siret)}  ${i.name}  →  ${i.identifierFile}, ${i.codeFile}`);
    ctx.out(`Valables jusqu’au ${formatDayLong(result.issued[0]!.lastValidDay)} inclus. Manifeste : ${path.basename(result.manifestFile!)}`);
    ctx.out('Les courriers précédents de ces entreprises ne fonctionnent plus. Postez les deux courriers d’une entreprise sous deux plis séparés,');
    ctx.out('puis supprimez les PDF : ils contiennent les secrets (le manifeste, lui, n’en contient aucun).');
    return exitCodes.ok;
  },
};
