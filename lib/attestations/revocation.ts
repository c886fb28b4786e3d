import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attestations } from '@/db/schema';
import { recordAudit } from '@/lib/audit';

// Not 'server-only' and free of the PDF stack on purpose: the caisse CLI (plain Node) runs it.

export type RevokeAttestationResult =
  | { ok: true; number: string; revokedAt: Date }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'already_revoked'; revokedAt: Date };

/** Caisse side (CLI): revokes an attestation. The reason stays internal; verifiers only see the date. */
export async function revokeAttestation(
  db: Db,
  input: { number: string; reason: string; revokedBy: string; now?: Date },
): Promise<RevokeAttestationResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(attestations)
      .set({ revokedAt: now, revocationReason: input.reason, revokedBy: input.revokedBy })
      .where(and(eq(attestations.number, input.number), isNull(attestations.revokedAt)))
      .returning({ number: attestations.number, companyId: attestations.companyId, revokedAt: attestations.revokedAt });
    if (!updated) {
      const [existing] = await tx.select({ revokedAt: attestations.revokedAt }).from(attestations).where(eq(attestations.number, input.number));
      if (!existing) return { ok: false, reason: 'not_found' } as const;
      return { ok: false, reason: 'already_revoked', revokedAt: existing.revokedAt! } as const;
    }
    await recordAudit(tx, {
      action: 'attestation_revoke',
      outcome: 'success',
      subjectOrganisationId: updated.companyId,
      details: { number: updated.number, reason: input.reason, by: input.revokedBy },
    });
    return { ok: true, number: updated.number, revokedAt: updated.revokedAt! } as const;
  });
}
