import 'server-only';
import { attempt } from '@/lib/access/result';
import { formatSiret } from '@/lib/companies/siret';
import { formatDayShort, formatEuros } from '@/lib/format';
import { recordPayment } from '@/lib/payments/mutations';
import { formatPeriod, ofPeriod } from '@/lib/payments/rules';
import { parseCommandArgs } from './args';
import { amountOption, cliActor, companyFromSiretOption, dateOption, periodOption } from './payment-options';
import { CliError, exitCodes, UsageError, type CaisseCommand } from './types';

const help = `npm run caisse -- record-payment --siret <SIRET> --periode AAAA-MM --montant <euros> [--date AAAA-MM-JJ] [--mode prelevement|virement] [--par "nom"]

Enregistre un règlement reçu pour la cotisation d’un mois déclaré. Un paiement annoncé en ligne par
l’entreprise pour ce mois et ce montant devient « reçu » ; sinon un règlement reçu est ajouté (par
prélèvement si le prélèvement automatique est actif pour l’entreprise, sinon par virement).

Options :
  --siret      SIRET de l’entreprise (espaces acceptés)
  --periode    mois déclaré, AAAA-MM
  --montant    montant reçu en euros : 1234,56 ou 1234.56
  --date       date de réception (par défaut : aujourd’hui)
  --mode       prelevement ou virement (par défaut : voir ci-dessus)
  --par        nom du gestionnaire, pour l’historique (par défaut : l’utilisateur système)

Exemple :
  npm run caisse -- record-payment --siret "923 456 784 00019" --periode 2026-09 --montant 1234,56`;

export const recordPaymentCommand: CaisseCommand = {
  name: 'record-payment',
  summary: 'enregistre un règlement de cotisation reçu (prélèvement ou virement)',
  help,
  run: async (args, ctx) => {
    const { values, positionals } = parseCommandArgs(args, {
      siret: { type: 'string' },
      periode: { type: 'string' },
      montant: { type: 'string' },
      date: { type: 'string' },
      mode: { type: 'string' },
      par: { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`argument inattendu : ${positionals[0]}`);
    const period = periodOption(values.periode);
    const amountCents = amountOption(values.montant, true)!;
    const receivedOn = dateOption(values.date, ctx);
    if (values.mode !== undefined && values.mode !== 'prelevement' && values.mode !== 'virement')
      throw new UsageError(`--mode attend prelevement ou virement (reçu « ${values.mode} »)`);
    const method = values.mode === undefined ? undefined : values.mode === 'prelevement' ? 'sepa_debit' : 'transfer';
    const db = await ctx.getDb();
    const company = await companyFromSiretOption(db, values.siret);
    const result = await attempt(() => recordPayment(db, { companyId: company.id, period, amountCents, receivedOn, method, by: cliActor(values.par) }));
    if (!result.ok) throw new CliError(`${company.name} (${formatSiret(company.siret)}), ${formatPeriod(period)} : ${result.message}`);
    ctx.out(
      `Règlement de ${formatEuros(amountCents)} reçu le ${formatDayShort(receivedOn)} enregistré pour ${company.name} (${formatSiret(company.siret)}), cotisation ${ofPeriod(period)}` +
        (result.value.matchedAnnouncement ? ' (paiement annoncé en ligne par l’entreprise).' : '.'),
    );
    return exitCodes.ok;
  },
};
