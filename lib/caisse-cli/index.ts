import 'server-only';
import { EmbeddedDatabaseBusyError } from '@/db/client';
import { EnvError } from '@/lib/env';
import { LettersError } from '@/lib/onboarding/credentials';
import { importMembersCommand } from './import-members';
import { enableDebitCommand } from './enable-debit';
import { lettersCommand } from './letters';
import { recordPaymentCommand } from './record-payment';
import { recordRejectionCommand } from './record-rejection';
import { revokeAttestationCliCommand } from './revoke-attestation';
import { sendRemindersCommand } from './send-reminders';
import { CliError, UsageError, exitCodes, type CaisseCommand, type CommandContext } from './types';

export type { CaisseCommand, CommandContext } from './types';

/** The caisse staff's commands. A new command: one file exporting a CaisseCommand, one line here. */
export const commands: readonly CaisseCommand[] = [
  importMembersCommand,
  lettersCommand,
  revokeAttestationCliCommand,
  sendRemindersCommand,
  recordPaymentCommand,
  recordRejectionCommand,
  enableDebitCommand,
];

const helpFlags = new Set(['--help', '-h', 'aide', 'help']);

export function generalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Outil de la caisse (gestionnaires) : npm run caisse -- <commande> [options]',
    '',
    'Commandes :',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Aide d’une commande : npm run caisse -- <commande> --help',
    '',
    'La base de données est celle de l’application (DATABASE_URL, sinon la base embarquée de DATA_DIR) ;',
    'la base embarquée ne peut pas être ouverte pendant que le serveur tourne : arrêtez-le d’abord.',
  ].join('\n');
}

/** Postgres error code, through drizzle's wrapper. */
function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  return code;
}

/** Runs one command line; returns the exit code. Never throws: every failure becomes a French message. */
export async function runCaisseCli(argv: string[], ctx: CommandContext): Promise<number> {
  const [name, ...args] = argv;
  if (!name) {
    ctx.err(generalHelp());
    return exitCodes.fatal;
  }
  if (helpFlags.has(name)) {
    const topic = args[0] && commands.find((c) => c.name === args[0]);
    ctx.out(topic ? topic.help : generalHelp());
    return exitCodes.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    ctx.err(`Commande inconnue : « ${name} ». Commandes disponibles : ${commands.map((c) => c.name).join(', ')}.`);
    ctx.err('Aide : npm run caisse -- --help');
    return exitCodes.fatal;
  }
  if (args.some((a) => a === '--help' || a === '-h')) {
    ctx.out(command.help);
    return exitCodes.ok;
  }
  try {
    return await command.run(args, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.err(`Erreur : ${err.message}.`);
      ctx.err(`Aide : npm run caisse -- ${command.name} --help`);
    } else if (err instanceof CliError || err instanceof LettersError || err instanceof EnvError || err instanceof EmbeddedDatabaseBusyError) {
      ctx.err(err.message);
    } else if (pgCode(err) === '42P01') {
      ctx.err('La base de données n’est pas initialisée (tables absentes) : lancez d’abord « npm run db:migrate ».');
    } else {
      ctx.err(`Erreur inattendue : ${err instanceof Error ? err.message : String(err)}`);
      if (process.env.CAISSE_DEBUG && err instanceof Error && err.stack) ctx.err(err.stack);
      else ctx.err('(relancez avec CAISSE_DEBUG=1 pour le détail technique)');
    }
    return exitCodes.fatal;
  }
}
