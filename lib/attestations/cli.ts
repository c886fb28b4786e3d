import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Db } from '@/db/client';
import { revokeAttestation } from './revocation';
import { ATTESTATION_NUMBER_PATTERN } from './rules';

export const revokeAttestationUsage =
  'Usage : npm run caisse -- revoke-attestation <numéro> --reason "motif" [--by "nom"]\n' +
  '  ex. npm run caisse -- revoke-attestation ATT-2026-000042 --reason "Délivrée par erreur"';

type Io = { out: (line: string) => void; err: (line: string) => void };
const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * `revoke-attestation <number> --reason "…"`: the caisse revokes an attestation; the verifier pages
 * and the JSON endpoint say « révoquée » from the next request on. The reason stays internal (audit
 * log and the attestation row), never shown to verifiers.
 * Exit codes: 0 revoked, 1 unknown or already revoked, 2 usage error.
 */
export async function revokeAttestationCommand(db: Db, args: string[], io: Io = consoleIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { reason: { type: 'string' }, by: { type: 'string' } } });
  } catch (err) {
    io.err(`${(err as Error).message}\n${revokeAttestationUsage}`);
    return 2;
  }
  const number = parsed.positionals[0]?.trim().toUpperCase();
  const reason = parsed.values.reason?.trim();
  if (!number || parsed.positionals.length !== 1 || !ATTESTATION_NUMBER_PATTERN.test(number)) {
    io.err(`Indiquez un numéro d’attestation (ATT-AAAA-NNNNNN).\n${revokeAttestationUsage}`);
    return 2;
  }
  if (!reason || reason.length < 3) {
    io.err(`Indiquez le motif de la révocation avec --reason (il reste interne à la caisse).\n${revokeAttestationUsage}`);
    return 2;
  }
  const revokedBy = parsed.values.by?.trim() || `cli:${os.userInfo().username}`;
  const result = await revokeAttestation(db, { number, reason, revokedBy });
  if (result.ok) {
    io.out(`Attestation ${result.number} révoquée le ${result.revokedAt.toISOString()}. Les vérifications l’indiquent dès maintenant.`);
    return 0;
  }
  if (result.reason === 'already_revoked') {
    io.err(`L’attestation ${number} était déjà révoquée (le ${result.revokedAt.toISOString()}) : rien n’a changé.`);
    return 1;
  }
  io.err(`Aucune attestation ne porte le numéro ${number}.`);
  return 1;
}
