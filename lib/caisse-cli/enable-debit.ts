import 'server-only';
import { formatSiret } from '@/lib/companies/siret';
import { enableDebit } from '@/lib/payments/mutations';
import { parseCommandArgs } from './args';
import { cliActor, companyFromSiretOption } from './payment-options';
import { exitCodes, UsageError, type CaisseCommand } from './types';

const help = `npm run caisse -- enable-debit --siret <SIRET> [--par "nom"]

Réactive le prélèvement automatique d’une entreprise, désactivé après le rejet d’un prélèvement.
Les prochaines cotisations seront prélevées à leur échéance sur le mandat SEPA actif.

Exemple :
  npm run caisse -- enable-debit --siret 92345678400019`;

export const enableDebitCommand: CaisseCommand = {
  name: 'enable-debit',
  summary: 'réactive le prélèvement automatique d’une entreprise après un rejet',
  help,
  run: async (args, ctx) => {
    const { values, positionals } = parseCommandArgs(args, { siret: { type: 'string' }, par: { type: 'string' } });
    if (positionals.length) throw new UsageError(`argument inattendu : ${positionals[0]}`);
    const db = await ctx.getDb();
    const company = await companyFromSiretOption(db, values.siret);
    const changed = await enableDebit(db, { companyId: company.id, by: cliActor(values.par) });
    ctx.out(
      changed
        ? `Prélèvement automatique réactivé pour ${company.name} (${formatSiret(company.siret)}).`
        : `Le prélèvement automatique de ${company.name} (${formatSiret(company.siret)}) n’était pas désactivé : rien n’a changé.`,
    );
    return exitCodes.ok;
  },
};
