import 'server-only';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { attestationNumberSeq, attestations, auditLog, organisations } from '@/db/schema';
import { auditRow, recordAudit } from '@/lib/audit';
import { getUpToDateStatus, type UpToDateReason } from '@/lib/companies/status';
import { todayInFrance } from '@/lib/format';
import { getCaisse } from '@/lib/site/queries';
import { canActOnAttestations } from './access';
import { formatVerificationCode, generateVerificationCode } from './code';
import { buildVerificationUrl, getAttestationConfig, type AttestationConfig } from './config';
import { renderAttestationPdf } from './pdf-pool';
import { computeValidUntil, formatAttestationNumber } from './rules';
import { signAttestation } from './signing';

export type IssueAttestationResult =
  | { ok: true; attestation: { id: string; number: string; code: string; issuedOn: string; validUntil: string; pdf: Buffer } }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'not_up_to_date'; reasons: UpToDateReason[] };

/** nextval() through db.execute, whose result is an array (postgres.js) or { rows } (PGlite). */
async function nextAttestationSequence(db: Db): Promise<number> {
  const result = (await db.execute(sql`select nextval(${attestationNumberSeq.seqName!}::regclass)::text as seq`)) as unknown;
  const rows = rowsOf<{ seq: string }>(result);
  return Number(rows[0]!.seq);
}

type RequestMeta = { ip?: string | null; userAgent?: string | null };

/**
 * « Télécharger une attestation de mise à jour »: checks the right and the company's status, signs,
 * renders the PDF once, and stores it with the record (the stored bytes are what every later download
 * returns). Rendering happens before the write, which is a single statement: no transaction stays
 * open during the layout. A user without the right gets not_found (the route answers 404).
 */
export async function issueAttestation(
  db: Db,
  input: { userId: string; companyId: string; now?: Date } & RequestMeta,
  config: AttestationConfig = getAttestationConfig(),
): Promise<IssueAttestationResult> {
  const now = input.now ?? new Date();
  // The right is checked alongside the reads (one round trip instead of two); nothing is used or
  // written before it is known.
  const [allowed, status, [company], caisse] = await Promise.all([
    canActOnAttestations(db, input.userId, input.companyId, 'write'),
    getUpToDateStatus(db, input.companyId, now),
    db.select().from(organisations).where(eq(organisations.id, input.companyId)),
    getCaisse(db),
  ]);
  if (!allowed || !company) return { ok: false, reason: 'not_found' };
  if (!status.upToDate) {
    await recordAudit(db, {
      action: 'attestation_issue',
      outcome: 'denied',
      actorUserId: input.userId,
      subjectOrganisationId: input.companyId,
      ip: input.ip,
      userAgent: input.userAgent,
      details: { reasons: status.reasons.map((r) => r.kind) },
    });
    return { ok: false, reason: 'not_up_to_date', reasons: status.reasons };
  }

  const issuedOn = todayInFrance(now);
  const validUntil = computeValidUntil(issuedOn, config.validityMonths);
  const seq = await nextAttestationSequence(db);
  const number = formatAttestationNumber(issuedOn.slice(0, 4), seq);
  const code = generateVerificationCode();
  const jws = await signAttestation(
    { v: 1, num: number, siret: company.siret, name: company.name, issued: issuedOn, validUntil, code },
    config.keys.active,
  );
  const pdf = await renderAttestationPdf({
    caisse,
    number,
    code,
    company,
    issuedAt: now,
    issuedOn,
    validUntil,
    qrUrl: buildVerificationUrl(config.appUrl, formatVerificationCode(code), jws),
    verifierUrl: `${config.appUrl}/verifier`,
    jwksUrl: `${config.appUrl}/.well-known/jwks.json`,
  });

  // The attestation and its audit entry in ONE statement (two data-modifying CTEs): atomic like the
  // transaction it replaces, in one round trip instead of four (BEGIN, two INSERTs, COMMIT).
  const inserted = db.$with('inserted').as(
    db
      .insert(attestations)
      .values({
        number,
        code,
        companyId: company.id,
        companyName: company.name,
        siret: company.siret,
        addressLine: company.addressLine,
        postcode: company.postcode,
        city: company.city,
        membershipNumber: company.membershipNumber,
        issuedAt: now,
        issuedOn,
        validUntil,
        issuedByUserId: input.userId,
        kid: config.keys.active.kid,
        signingKeyX: config.keys.active.privateJwk.x ?? null,
        signedPayload: jws,
        pdf,
        pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      })
      .returning({ id: attestations.id }),
  );
  const audited = db.$with('audited').as(
    db
      .insert(auditLog)
      .values(
        auditRow({
          action: 'attestation_issue',
          outcome: 'success',
          actorUserId: input.userId,
          subjectOrganisationId: company.id,
          ip: input.ip,
          userAgent: input.userAgent,
          details: { number, kid: config.keys.active.kid },
        }),
      )
      .returning({ id: auditLog.id }),
  );
  const [row] = await db.with(inserted, audited).select({ id: inserted.id }).from(inserted);
  const id = row!.id;
  return { ok: true, attestation: { id, number, code, issuedOn, validUntil, pdf } };
}
