import 'server-only';
import type { Db } from '@/db/client';

export type CommandContext = {
  out: (line?: string) => void;
  err: (line?: string) => void;
  /** Opens the database on first call (so `--help` never touches it). */
  getDb: () => Promise<Db>;
  /** Where relative paths typed by the user are resolved (npm runs scripts from the package root). */
  cwd: string;
  now?: () => Date;
};

export type CaisseCommand = {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full French help: usage, options, examples. */
  help: string;
  run: (args: string[], ctx: CommandContext) => Promise<number>;
};

export const exitCodes = {
  ok: 0,
  /** Nothing done, or stopped: bad usage, unreadable file, database unavailable. */
  fatal: 1,
  /** Done for the valid part, some input rejected (see the report). */
  partial: 2,
} as const;

/** A mistake in how the command was called: the message, then a pointer to the command's help. */
export class UsageError extends Error {
  name = 'UsageError';
}

/** A refusal the user can act on (unknown SIRET, activated company…): printed as is, exit 1. */
export class CliError extends Error {
  name = 'CliError';
}
