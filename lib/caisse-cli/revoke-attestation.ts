import 'server-only';
import { revokeAttestationCommand, revokeAttestationUsage } from '@/lib/attestations/cli';
import type { CaisseCommand } from './types';

export const revokeAttestationCliCommand: CaisseCommand = {
  name: 'revoke-attestation',
  summary: 'révoque une attestation de mise à jour (le vérificateur affiche « révoquée » aussitôt)',
  help: revokeAttestationUsage,
  run: async (args, ctx) => revokeAttestationCommand(await ctx.getDb(), args, { out: (l) => ctx.out(l), err: (l) => ctx.err(l) }),
};
