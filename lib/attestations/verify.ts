import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attestationVerifications, attestations } from '@/db/schema';
import { todayInFrance } from '@/lib/format';
import { hitRateLimit } from '@/lib/rate-limit';
import { formatVerificationCode, parseVerificationCode } from './code';
import { getAttestationConfig, type AttestationConfig } from './config';
import { getAttestationState } from './rules';
import { verifyAttestationSignature, type AttestationClaims } from './signing';

/** Per client IP, over all verification pages and the JSON endpoint together. */
export const VERIFY_RATE_LIMIT = { limit: 60, windowSeconds: 60 };

export type VerifiedAttestation = { number: string; companyName: string; siret: string; issuedOn: string; validUntil: string };

/** What a verifier is told. `signature`: whether a QR signature came with the request and verified. */
export type Verification =
  | { verdict: 'invalid_code'; message: string }
  | { verdict: 'throttled'; retryAfterSeconds: number }
  | { verdict: 'not_authentic'; code: string }
  | { verdict: 'unknown'; code: string; signature: 'absent' | 'verified' }
  | { verdict: 'valid'; code: string; signature: 'absent' | 'verified'; kid?: string; attestation: VerifiedAttestation }
  | { verdict: 'expired'; code: string; signature: 'absent' | 'verified'; kid?: string; attestation: VerifiedAttestation; expiredSince: string }
  | { verdict: 'revoked'; code: string; signature: 'absent' | 'verified'; kid?: string; attestation: VerifiedAttestation; revokedOn: string };

function claimsMatch(claims: AttestationClaims, row: { number: string; siret: string; companyName: string; issuedOn: string; validUntil: string; code: string }) {
  return (
    claims.num === row.number &&
    claims.siret === row.siret &&
    claims.name === row.companyName &&
    claims.issued === row.issuedOn &&
    claims.validUntil === row.validUntil &&
    claims.code === row.code
  );
}

/**
 * The public verification behind /verifier/<code> and GET /api/attestations/verify/<code>.
 * Order matters: a malformed or mistyped code is refused before anything touches the database; then
 * the per-IP limit; a signature (when the QR's `s` came along) must verify with the published keys and
 * say exactly what the record says, or the verdict is « non authentique » whatever the code. Each
 * verification of a known attestation is recorded (the member's history counts them).
 */
export async function verifyAttestation(
  db: Db,
  input: { code: string; signature?: string | null; channel: 'page' | 'api'; ip: string; now?: Date },
  config: Pick<AttestationConfig, 'keys'> = getAttestationConfig(),
): Promise<Verification> {
  const parsed = parseVerificationCode(input.code);
  if (!parsed.ok) return { verdict: 'invalid_code', message: parsed.message };
  const code = parsed.code;
  const now = input.now ?? new Date();

  const limit = await hitRateLimit(db, `attestation-verify:${input.ip}`, { ...VERIFY_RATE_LIMIT, now });
  if (!limit.allowed) return { verdict: 'throttled', retryAfterSeconds: limit.retryAfterSeconds };

  const formatted = formatVerificationCode(code);
  let signature: 'absent' | 'verified' = 'absent';
  let claims: AttestationClaims | undefined;
  let kid: string | undefined;
  if (input.signature) {
    const check = await verifyAttestationSignature(input.signature, config.keys.publicJwks);
    if (!check.ok || check.claims.code !== code) return { verdict: 'not_authentic', code: formatted };
    signature = 'verified';
    claims = check.claims;
    kid = check.kid;
  }

  const [row] = await db
    .select({
      id: attestations.id,
      number: attestations.number,
      code: attestations.code,
      companyName: attestations.companyName,
      siret: attestations.siret,
      issuedOn: attestations.issuedOn,
      validUntil: attestations.validUntil,
      revokedAt: attestations.revokedAt,
    })
    .from(attestations)
    .where(eq(attestations.code, code));
  if (!row) return { verdict: 'unknown', code: formatted, signature };

  const isAuthentic = !claims || claimsMatch(claims, row);
  await db.insert(attestationVerifications).values({
    attestationId: row.id,
    verifiedAt: now,
    channel: input.channel,
    isSignatureVerified: isAuthentic && signature === 'verified',
  });
  if (!isAuthentic) return { verdict: 'not_authentic', code: formatted };

  const attestation: VerifiedAttestation = {
    number: row.number,
    companyName: row.companyName,
    siret: row.siret,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
  };
  const state = getAttestationState(row, todayInFrance(now));
  const common = { code: formatted, signature, ...(kid ? { kid } : {}), attestation };
  if (state.status === 'revoked') return { verdict: 'revoked', ...common, revokedOn: todayInFrance(state.on) };
  if (state.status === 'expired') return { verdict: 'expired', ...common, expiredSince: state.since };
  return { verdict: 'valid', ...common };
}

export const verdictLabels = {
  valid: 'authentique et valide',
  expired: 'expirée',
  revoked: 'révoquée',
  unknown: 'inconnue',
  not_authentic: 'non authentique',
} as const;

/** The JSON endpoint's body and status (README § « API de vérification »). */
export function toVerificationJson(v: Verification): { status: number; body: Record<string, unknown>; headers?: Record<string, string> } {
  if (v.verdict === 'invalid_code') return { status: 400, body: { error: 'invalid_code', message: v.message } };
  if (v.verdict === 'throttled')
    return {
      status: 429,
      body: { error: 'rate_limited', message: 'Trop de vérifications : réessayez plus tard.', retryAfterSeconds: v.retryAfterSeconds },
      headers: { 'retry-after': String(v.retryAfterSeconds) },
    };
  if (v.verdict === 'not_authentic') return { status: 200, body: { verdict: v.verdict, label: verdictLabels[v.verdict], code: v.code, signature: 'invalid' } };
  if (v.verdict === 'unknown') return { status: 200, body: { verdict: v.verdict, label: verdictLabels[v.verdict], code: v.code, signature: v.signature } };
  return {
    status: 200,
    body: {
      verdict: v.verdict,
      label: verdictLabels[v.verdict],
      code: v.code,
      signature: v.signature,
      ...(v.kid ? { kid: v.kid } : {}),
      attestation: v.attestation,
      ...(v.verdict === 'expired' ? { expiredSince: v.expiredSince } : {}),
      ...(v.verdict === 'revoked' ? { revokedOn: v.revokedOn } : {}),
    },
  };
}
