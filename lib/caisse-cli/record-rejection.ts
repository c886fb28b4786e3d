import 'server-only';
import { attempt } from '@/lib/access/result';
import { formatSiret } from '@/lib/companies/siret';
import { todayInFrance } from '@/lib/format';
import { recordRejection } from '@/lib/payments/mutations';
import { formatPeriod, ofPeriod } from '@/lib/payments/rules';
import { getAccountStatement } from '@/lib/payments/statement';
import { parseCommandArgs } from './args';
import { amountOption, cliActor, companyFromSiretOption, dateOption, periodOption } from './payment-options';
import { CliError, exitCodes, UsageError, type CaisseCommand } from './types';

const help = `npm run caisse -- record-rejection --siret <SIRET> --periode AAAA-MM --motif "…" [--date AAAA-MM-JJ] [--montant <euros>] [--par "nom"]

Enregistre le rejet par la banque d’un prélèvement SEPA pour la cotisation d’un mois déclaré. Le
prélèvement n’est plus compté comme reçu, et le prélèvement automatique est désactivé pour l’entreprise
jusqu’à sa réactivation par la caisse (enable-debit). L’entreprise voit le motif dans son Espace.

Options :
  --siret      SIRET de l’entreprise
  --periode    mois déclaré, AAAA-MM
  --motif      motif du rejet, montré à l’entreprise (ex. « Provision insuffisante »)
  --date       date du rejet (par défaut : aujourd’hui)
  --montant    montant rejeté, si aucun prélèvement n’est enregistré pour ce mois (par défaut : le solde du mois)
  --par        nom du gestionnaire, pour l’historique

Exemple :
  npm run caisse -- record-rejection --siret 92345678400019 --periode 2026-09 --motif "Provision insuffisante"`;

export const recordRejectionCommand: CaisseCommand = {
  name: 'record-rejection',
  summary: 'enregistre le rejet d’un prélèvement et désactive le prélèvement automatique',
  help,
  run: async (args, ctx) => {
    const { values, positionals } = parseCommandArgs(args, {
      siret: { type: 'string' },
      periode: { type: 'string' },
      motif: { type: 'string' },
      date: { type: 'string' },
      montant: { type: 'string' },
      par: { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`argument inattendu : ${positionals[0]}`);
    const period = periodOption(values.periode);
    const reason = values.motif?.trim();
    if (!reason || reason.length < 3) throw new UsageError('indiquez le motif du rejet avec --motif (il est montré à l’entreprise)');
    if (reason.length > 300) throw new UsageError('--motif : 300 caractères au plus');
    const rejectedOn = dateOption(values.date, ctx);
    const db = await ctx.getDb();
    const company = await companyFromSiretOption(db, values.siret);
    let amountCents = amountOption(values.montant, false);
    if (amountCents === undefined) {
      const statement = await getAccountStatement(db, company.id, todayInFrance(ctx.now?.() ?? new Date()));
      const month = statement.months.find((m) => m.period === period);
      amountCents = month ? Math.max(month.balanceCents, month.dueCents) : 0;
    }
    if (amountCents <= 0) throw new CliError(`${company.name} : aucune cotisation déclarée pour ${formatPeriod(period)}.`);
    const result = await attempt(() => recordRejection(db, { companyId: company.id, period, reason, rejectedOn, amountCents: amountCents!, by: cliActor(values.par) }));
    if (!result.ok) throw new CliError(`${company.name} (${formatSiret(company.siret)}), ${formatPeriod(period)} : ${result.message}`);
    ctx.out(`Rejet du prélèvement ${ofPeriod(period)} enregistré pour ${company.name} (${formatSiret(company.siret)}) : « ${reason} ».`);
    ctx.out(
      result.value.debitWasActive
        ? 'Le prélèvement automatique est désactivé jusqu’à sa réactivation (npm run caisse -- enable-debit).'
        : 'Le prélèvement automatique était déjà désactivé (ou aucun mandat actif) ; il le reste.',
    );
    return exitCodes.ok;
  },
};
