import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attestationVerifications, attestations, rateLimits } from '@/db/schema';
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

type LookedUp = {
  number: string;
  code: string;
  companyName: string;
  siret: string;
  issuedOn: string;
  validUntil: string;
  revokedAt: Date | null;
};

/**
 * The hot path of every verification in ONE statement (one round trip, one commit): count the hit in
 * the per-IP window (same fixed windows as lib/rate-limit), read the attestation, and record the
 * verification when within the limit. Three separate statements would mean three commits, each
 * waiting for its WAL flush, on the path the public hammers.
 *
 * And that one commit does not wait for its WAL flush either: `set_config('synchronous_commit', 'off',
 * true)` is SET LOCAL for this statement's transaction only (the CTE is referenced below, so it runs).
 * What is traded: if the PostgreSQL server itself crashes, the verification records and rate-limit hits
 * of its last moments (at most 3 × wal_writer_delay, 600 ms by default) are lost; nothing else is, the
 * database stays consistent, and the verdict never depended on them. An application restart or a second
 * instance loses nothing: the counters live in the database. Measured on this machine: a commit waiting
 * for its flush took 9–15 ms under the shared disk's load, 1.4–2 ms without.
 */
async function countAndLookUp(
  db: Db,
  input: { rateLimitKey: string; now: Date; code: string; channel: 'page' | 'api'; claims?: AttestationClaims },
): Promise<{ count: number; retryAfterSeconds: number; row: LookedUp | null }> {
  const windowMs = VERIFY_RATE_LIMIT.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(input.now.getTime() / windowMs) * windowMs);
  const c = input.claims;
  const signatureMatches = c
    ? sql`(a.number = ${c.num} and a.siret = ${c.siret} and a.company_name = ${c.name} and a.issued_on = ${c.issued} and a.valid_until = ${c.validUntil})`
    : sql`false`;
  const result = (await db.execute(sql`
    with async_commit as (select set_config('synchronous_commit', 'off', true) as off),
    rl as (
      insert into ${rateLimits} (key, window_start, count) values (${input.rateLimitKey}, ${windowStart.toISOString()}::timestamptz, 1)
      on conflict (key, window_start) do update set count = ${rateLimits}.count + 1
      returning count
    ),
    a as (
      select id, number, code, company_name, siret, issued_on::text as issued_on, valid_until::text as valid_until,
             (extract(epoch from revoked_at) * 1000)::float8 as revoked_ms
      from ${attestations} where code = ${input.code}
    ),
    v as (
      insert into ${attestationVerifications} (attestation_id, verified_at, channel, is_signature_verified)
      select a.id, ${input.now.toISOString()}::timestamptz, ${input.channel}, ${signatureMatches}
      from a, rl where rl.count <= ${VERIFY_RATE_LIMIT.limit}
    )
    select rl.count, a.number, a.code, a.company_name, a.siret, a.issued_on, a.valid_until, a.revoked_ms
    from async_commit cross join rl left join a on true`)) as unknown;
  type Raw = { count: number; number: string | null; code: string; company_name: string; siret: string; issued_on: string; valid_until: string; revoked_ms: number | null };
  const rows = (Array.isArray(result) ? result : (result as { rows: Raw[] }).rows) as Raw[];
  const r = rows[0]!;
  return {
    count: Number(r.count),
    retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - input.now.getTime()) / 1000),
    row:
      r.number === null
        ? null
        : {
            number: r.number,
            code: r.code,
            companyName: r.company_name,
            siret: r.siret,
            issuedOn: r.issued_on,
            validUntil: r.valid_until,
            revokedAt: r.revoked_ms === null ? null : new Date(Number(r.revoked_ms)),
          },
  };
}

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

  const formatted = formatVerificationCode(code);
  const rateLimitKey = `attestation-verify:${input.ip}`;
  let signature: 'absent' | 'verified' = 'absent';
  let claims: AttestationClaims | undefined;
  let kid: string | undefined;
  if (input.signature) {
    const check = await verifyAttestationSignature(input.signature, config.keys.publicJwks);
    if (!check.ok || check.claims.code !== code) {
      const limit = await hitRateLimit(db, rateLimitKey, { ...VERIFY_RATE_LIMIT, now });
      if (!limit.allowed) return { verdict: 'throttled', retryAfterSeconds: limit.retryAfterSeconds };
      return { verdict: 'not_authentic', code: formatted };
    }
    signature = 'verified';
    claims = check.claims;
    kid = check.kid;
  }

  const { count, retryAfterSeconds, row } = await countAndLookUp(db, { rateLimitKey, now, code, channel: input.channel, claims });
  if (count > VERIFY_RATE_LIMIT.limit) return { verdict: 'throttled', retryAfterSeconds };
  if (!row) return { verdict: 'unknown', code: formatted, signature };
  if (claims && !claimsMatch(claims, row)) return { verdict: 'not_authentic', code: formatted };

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
