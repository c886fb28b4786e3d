import 'server-only';
import { sendReminders } from '@/lib/reminders';
import { reminderSources } from '@/lib/reminders/sources';
import { parseCommandArgs } from './args';
import { exitCodes, UsageError, type CaisseCommand } from './types';

const help = `npm run caisse -- send-reminders [--date AAAA-MM-JJ]

Envoie les courriels de rappel dus à la date du jour (déclarations à faire, cotisations à échéance,
dates limites d’enregistrement des congés). Prévu pour être lancé chaque jour par cron ; chaque rappel
n’est envoyé qu’une fois, même si la commande est lancée plusieurs fois.

Options :
  --date AAAA-MM-JJ   date à considérer comme « aujourd’hui » (par défaut : la date du jour)

Exemple de crontab (chaque jour à 7 h) :
  0 7 * * *  cd /srv/espace && npm run caisse -- send-reminders`;

function todayInFrance(now: Date): string {
  return new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const sendRemindersCommand: CaisseCommand = {
  name: 'send-reminders',
  summary: 'envoie les rappels dus (déclarations, cotisations, congés) ; à lancer chaque jour par cron',
  help,
  run: async (args, ctx) => {
    const { values, positionals } = parseCommandArgs(args, { date: { type: 'string' } });
    if (positionals.length) throw new UsageError(`argument inattendu : ${positionals[0]}`);
    const today = values.date ?? todayInFrance(ctx.now?.() ?? new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`)))
      throw new UsageError(`--date attend une date AAAA-MM-JJ (reçu « ${today} »)`);
    const report = await sendReminders(await ctx.getDb(), reminderSources, today);
    ctx.out(`Rappels au ${today} :`);
    if (!report.length) ctx.out('  aucune source de rappel configurée');
    for (const r of report) ctx.out(`  ${r.source} : ${r.due} dû(s), ${r.sent} envoyé(s) maintenant, ${r.due - r.sent} déjà envoyé(s)`);
    return exitCodes.ok;
  },
};
