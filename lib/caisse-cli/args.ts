import 'server-only';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './types';

type Options = NonNullable<ParseArgsConfig['options']>;

/** util.parseArgs, strict, with its English errors turned into French usage errors. */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const option = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    switch (e.code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new UsageError(`option inconnue : ${option}`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        throw new UsageError(`valeur manquante ou invalide pour l’option ${option.split(' ')[0]}`);
      default:
        throw new UsageError(e.message);
    }
  }
}

/** A whole number within bounds, or a usage error naming the option. */
export function parseIntegerOption(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${name} attend un nombre entier (reçu « ${value} »)`);
  const n = Number.parseInt(value, 10);
  if (n < min || n > max) throw new UsageError(`${name} doit être compris entre ${min} et ${max} (reçu ${n})`);
  return n;
}
