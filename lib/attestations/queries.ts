import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attestations } from '@/db/schema';
import { canActOnAttestations } from './access';

export type AttestationHistoryRow = {
  id: string;
  number: string;
  issuedAt: Date;
  issuedOn: string;
  validUntil: string;
  revokedAt: Date | null;
  verificationCount: number;
};

/** The company's attestations, newest first, with how many times each was verified (no PDF bytes). */
export async function listCompanyAttestations(db: Db, companyId: string): Promise<AttestationHistoryRow[]> {
  return db
    .select({
      id: attestations.id,
      number: attestations.number,
      issuedAt: attestations.issuedAt,
      issuedOn: attestations.issuedOn,
      validUntil: attestations.validUntil,
      revokedAt: attestations.revokedAt,
      // Spelled out: inside a sub-select drizzle leaves columns unqualified, and "id" would be the inner table's.
      verificationCount: sql<number>`(select count(*)::int from "attestation_verifications" as "v" where "v"."attestation_id" = "attestations"."id")`,
    })
    .from(attestations)
    .where(eq(attestations.companyId, companyId))
    .orderBy(desc(attestations.issuedAt), desc(attestations.number));
}

/**
 * The stored PDF of an attestation, for a user allowed to read that company's attestations; null for
 * anybody else (anonymous included), exactly as for a number that does not exist: the route answers 404.
 * `user` may be still on its way (the route's session check): the row is read meanwhile, so a download
 * waits for two round trips (session ‖ row, then the access facts), not three.
 */
export async function getAttestationPdfForUser(
  db: Db,
  user: string | null | Promise<string | null>,
  number: string,
): Promise<{ number: string; pdf: Buffer; sha256: string } | null> {
  const [userId, [row]] = await Promise.all([
    user,
    db
      .select({ number: attestations.number, companyId: attestations.companyId, pdf: attestations.pdf, sha256: attestations.pdfSha256 })
      .from(attestations)
      .where(eq(attestations.number, number)),
  ]);
  if (!userId || !row) return null;
  if (!(await canActOnAttestations(db, userId, row.companyId, 'read'))) return null;
  return { number: row.number, pdf: row.pdf, sha256: row.sha256 };
}
