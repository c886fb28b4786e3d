import 'server-only';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { attestationVerifications, attestations, rateLimits } from '@/db/schema';
import { todayInFrance } from '@/lib/format';
import { formatVerificationCode, parseVerificationCode } from './code';
import { getAttestationConfig, type AttestationConfig } from './config';
import { getAttestationState } from './rules';
import { COMPACT_JWS, publishedKeyXs, verifyAttestationSignature, type AttestationClaims } from './signing';

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
  id: string;
  number: string;
  code: string;
  kid: string;
  companyName: string;
  siret: string;
  issuedOn: string;
  validUntil: string;
  revokedAt: Date | null;
};

type CountInput = {
  rateLimitKey: string;
  now: Date;
  code: string;
  channel: 'page' | 'api';
  /** The QR's signature as presented ('' for one that is not even a compact JWS). */
  jws?: string;
  /** The published key set as kid → x: a stored signature counts only while its very key is published. */
  publishedKeys: Record<string, string>;
};
/** `signatureIsStored`: the presented JWS is, byte for byte, the one the caisse signed for this code, and that key is still published. */
type CountResult = { count: number; retryAfterSeconds: number; row: LookedUp | null; signatureIsStored: boolean };

/**
 * The hot path of every verification: count the hit in the per-IP window (same fixed windows as
 * lib/rate-limit), read the attestation, and record the verification when within the limit.
 *
 * Verifications arriving together share ONE statement (one round trip, one commit): a request joins the
 * batch being gathered while the previous one is at the database (DataLoader-style, no timer: alone, a
 * verification leaves on the next turn of the event loop). Each still gets its own exact answer: its
 * own rank in its IP's window (`hit`), its attestation as read in that very statement — a revocation
 * committed before is seen —, and its own verification row. Nothing is kept in memory between requests:
 * the counters and limits live in the database, so a restart or a second instance bypasses nothing.
 * Measured (npm run bench, issue 5 note): one statement per request spent most of the server's CPU in
 * socket writes and PostgreSQL's per-transaction work.
 *
 * And that one commit does not wait for its WAL flush: `set_config('synchronous_commit', 'off', true)`
 * is SET LOCAL for this statement's transaction only (the CTE is referenced below, so it runs). What is
 * traded: if the PostgreSQL server itself crashes, the verification records and rate-limit hits of its
 * last moments (at most 3 × wal_writer_delay, 600 ms by default) are lost; nothing else is, the database
 * stays consistent, and the verdict never depended on them.
 */
async function countAndLookUpMany(db: Db, inputs: CountInput[]): Promise<CountResult[]> {
  const windowMs = VERIFY_RATE_LIMIT.windowSeconds * 1000;
  const windowStarts = inputs.map((input) => new Date(Math.floor(input.now.getTime() / windowMs) * windowMs));
  // One JSON parameter for the whole batch: the same statement text whatever the batch size (one
  // prepared statement), and values PostgreSQL reads as text, never interpolated.
  const batch = JSON.stringify(
    inputs.map((input, i) => ({
      i,
      key: input.rateLimitKey,
      ws: windowStarts[i]!.toISOString(),
      code: input.code,
      channel: input.channel,
      at: input.now.toISOString(),
      jws: input.jws ?? null,
      keys: input.publishedKeys,
    })),
  );
  const result = (await db.execute(sql`
    with async_commit as (select set_config('synchronous_commit', 'off', true) as off),
    input as (
      select * from jsonb_to_recordset(${batch}::jsonb)
        as t(i int, key text, ws timestamptz, code text, channel text, at timestamptz, jws text, keys jsonb)
    ),
    hits as (select key, ws, count(*)::int as n from input group by key, ws),
    rl as (
      -- in key order: two batches in flight lock the same rows in the same order (no deadlock)
      insert into ${rateLimits} (key, window_start, count) select key, ws, n from hits order by key, ws
      on conflict (key, window_start) do update set count = ${rateLimits}.count + excluded.count
      returning key, window_start, count
    ),
    counted as (
      -- this request's rank among its IP's hits: the count after the batch, minus the later ones of the batch
      select input.*,
             (rl.count - count(*) over (partition by input.key, input.ws) + row_number() over (partition by input.key, input.ws order by input.i))::int as hit
      from input join rl on rl.key = input.key and rl.window_start = input.ws
    ),
    a as (
      select id, number, code, kid, signing_key_x, signed_payload, company_name, siret, issued_on::text as issued_on, valid_until::text as valid_until,
             (extract(epoch from revoked_at) * 1000)::float8 as revoked_ms
      from ${attestations} where code in (select code from input)
    ),
    matched as (
      select c.*, a.id as attestation_id, coalesce(c.jws = a.signed_payload and (c.keys ->> a.kid) = a.signing_key_x, false) as signature_is_stored
      from counted c join a on a.code = c.code
    ),
    v as (
      -- a QR whose signature is not the stored one is « non authentique »: not a verification of this attestation
      insert into ${attestationVerifications} (attestation_id, verified_at, channel, is_signature_verified)
      select attestation_id, at, channel::attestation_verification_channel, signature_is_stored
      from matched
      where hit <= ${VERIFY_RATE_LIMIT.limit} and (jws is null or signature_is_stored)
    )
    select c.i, c.hit, a.id, a.number, a.code, a.kid, a.company_name, a.siret, a.issued_on, a.valid_until, a.revoked_ms,
           coalesce(m.signature_is_stored, false) as signature_is_stored
    from async_commit cross join counted c left join a on a.code = c.code left join matched m on m.i = c.i`)) as unknown;
  type Raw = {
    i: number;
    hit: number;
    id: string;
    number: string | null;
    code: string;
    kid: string;
    company_name: string;
    siret: string;
    issued_on: string;
    valid_until: string;
    revoked_ms: number | null;
    signature_is_stored: boolean;
  };
  const rows = rowsOf<Raw>(result);
  const results: CountResult[] = new Array(inputs.length);
  for (const r of rows) {
    const i = Number(r.i);
    results[i] = {
      count: Number(r.hit),
      retryAfterSeconds: Math.ceil((windowStarts[i]!.getTime() + windowMs - inputs[i]!.now.getTime()) / 1000),
      signatureIsStored: r.signature_is_stored === true,
      row:
        r.number === null
          ? null
          : {
              id: r.id,
              number: r.number,
              code: r.code,
              kid: r.kid,
              companyName: r.company_name,
              siret: r.siret,
              issuedOn: r.issued_on,
              validUntil: r.valid_until,
              revokedAt: r.revoked_ms === null ? null : new Date(Number(r.revoked_ms)),
            },
    };
  }
  if (results.some((r) => r === undefined)) throw new Error('verification batch: a request got no answer');
  return results;
}

/** How many statements may be at the database at once, and how many verifications one may carry. */
const MAX_BATCHES_IN_FLIGHT = 2;
const MAX_BATCH_SIZE = 200;

type Waiting = { input: CountInput; resolve: (r: CountResult) => void; reject: (e: unknown) => void };

class VerificationBatcher {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly db: Db) {}

  submit(input: CountInput): Promise<CountResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= MAX_BATCHES_IN_FLIGHT || this.waiting.length === 0) return;
    this.scheduled = true;
    // The requests already parsed in this turn of the event loop leave together.
    setImmediate(() => {
      this.scheduled = false;
      void this.send();
    });
  }

  private async send(): Promise<void> {
    if (this.inFlight >= MAX_BATCHES_IN_FLIGHT || this.waiting.length === 0) return;
    const batch = this.waiting.splice(0, MAX_BATCH_SIZE);
    this.inFlight++;
    try {
      const results = await countAndLookUpMany(
        this.db,
        batch.map((w) => w.input),
      );
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      // The database is down or restarting: every request of the batch gets the error (and its page says so).
      for (const w of batch) w.reject(err);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}

const batchers = new WeakMap<Db, VerificationBatcher>();

function countAndLookUp(db: Db, input: CountInput): Promise<CountResult> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new VerificationBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.submit(input);
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
 * the per-IP limit (every request counts, forged ones too); a signature (when the QR's `s` came along)
 * must be the one stored at issue under a published key, or verify with the published keys and say
 * exactly what the record says, or the verdict is « non authentique » whatever the code. Each
 * verification of a known attestation is recorded (the member's history counts them), not a forged one.
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
  // Not even a compact JWS (or absurdly long): '' matches no stored signature and fails verification below.
  const jws = input.signature ? (input.signature.length <= 4096 && COMPACT_JWS.test(input.signature) ? input.signature : '') : undefined;
  const publishedKeys = publishedKeyXs(config.keys.publicJwks);

  const { count, retryAfterSeconds, row, signatureIsStored } = await countAndLookUp(db, { rateLimitKey, now, code, channel: input.channel, jws, publishedKeys });
  if (count > VERIFY_RATE_LIMIT.limit) return { verdict: 'throttled', retryAfterSeconds };

  // The signature. The QR of a genuine attestation carries exactly the JWS stored when it was issued: the
  // same string, while the key that signed it (kid and public part) is still published, is the caisse's
  // own signature of this very record — no
  // need to redo the Ed25519 arithmetic on every scan (it was a third of the server's CPU per
  // verification, npm run bench). Anything else is verified with the published keys, as an offline
  // verifier would, and must then say exactly what the record says.
  let signature: 'absent' | 'verified' = 'absent';
  let kid: string | undefined;
  if (jws !== undefined) {
    if (row && signatureIsStored) {
      signature = 'verified';
      kid = row.kid;
    } else {
      const check = await verifyAttestationSignature(jws, config.keys.publicJwks);
      if (!check.ok || check.claims.code !== code) return { verdict: 'not_authentic', code: formatted };
      if (row && !claimsMatch(check.claims, row)) return { verdict: 'not_authentic', code: formatted };
      signature = 'verified';
      kid = check.kid;
      // Authentic after all (a record issued before its key's public part was kept): recorded here, as
      // the statement above records only what it could tell authentic itself.
      if (row) await db.insert(attestationVerifications).values({ attestationId: row.id, verifiedAt: now, channel: input.channel, isSignatureVerified: true });
    }
  }
  if (!row) return { verdict: 'unknown', code: formatted, signature };

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
