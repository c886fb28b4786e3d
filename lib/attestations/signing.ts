import { createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { CompactSign, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import { z } from 'zod';

// The signature carried by the QR code: a compact JWS (RFC 7515), alg EdDSA (Ed25519), whose protected
// header names the key (`kid`) and whose payload is the JSON below. Anyone can verify it offline with
// the JWK set published at /.well-known/jwks.json (README § « Attestations : vérification »).

export const ATTESTATION_JWS_TYPE = 'attestation-mise-a-jour+jws';

export const attestationClaimsSchema = z.object({
  /** Payload format version. */
  v: z.literal(1),
  /** Attestation number, e.g. ATT-2026-000042. */
  num: z.string().min(1),
  /** SIRET, 14 digits without spaces. */
  siret: z.string().regex(/^\d{14}$/),
  /** Raison sociale as printed. */
  name: z.string().min(1),
  /** Issue date and last day of validity (inclusive), YYYY-MM-DD, French calendar days. */
  issued: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Verification code, normalised (16 symbols, no dashes). */
  code: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{16}$/),
});
export type AttestationClaims = z.infer<typeof attestationClaimsSchema>;

const privateKeys = new Map<string, Promise<CryptoKey | Uint8Array>>();

export async function signAttestation(claims: AttestationClaims, key: { kid: string; privateJwk: JWK }): Promise<string> {
  const cacheKey = `${key.kid}:${key.privateJwk.x}`;
  let privateKey = privateKeys.get(cacheKey);
  if (!privateKey) {
    privateKey = importJWK(key.privateJwk, 'EdDSA');
    privateKeys.set(cacheKey, privateKey);
  }
  const payload = new TextEncoder().encode(JSON.stringify(attestationClaimsSchema.parse(claims)));
  return new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: ATTESTATION_JWS_TYPE }).sign(await privateKey);
}

export type SignatureCheck =
  | { ok: true; kid: string; claims: AttestationClaims }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' | 'bad_payload' };

type PublicKeys = Map<string, { key: KeyObject; x: string } | 'ambiguous'>;
const keySets = new WeakMap<JSONWebKeySet, PublicKeys>();

/** The set's Ed25519 keys by kid, imported once per set (a kid published twice matches no key, as in jose). */
function publicKeysOf(jwks: JSONWebKeySet): PublicKeys {
  let keys = keySets.get(jwks);
  if (keys) return keys;
  keys = new Map();
  for (const k of jwks.keys ?? []) {
    if (k.kty !== 'OKP' || k.crv !== 'Ed25519' || typeof k.kid !== 'string' || typeof k.x !== 'string') continue;
    if (k.use !== undefined && k.use !== 'sig') continue;
    if (k.alg !== undefined && k.alg !== 'EdDSA' && k.alg !== 'Ed25519') continue;
    try {
      keys.set(k.kid, keys.has(k.kid) ? 'ambiguous' : { key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.x }, format: 'jwk' }), x: k.x });
    } catch {
      // not a usable key: as if unpublished
    }
  }
  keySets.set(jwks, keys);
  return keys;
}

const keyXs = new WeakMap<JSONWebKeySet, Record<string, string>>();

/** kid → public part (`x`) of every key verification would use: what a stored signature is checked against. */
export function publishedKeyXs(jwks: JSONWebKeySet): Record<string, string> {
  let xs = keyXs.get(jwks);
  if (!xs) {
    xs = Object.fromEntries([...publicKeysOf(jwks)].flatMap(([kid, k]) => (k === 'ambiguous' ? [] : [[kid, k.x]])));
    keyXs.set(jwks, xs);
  }
  return xs;
}

const allowedHeader = new Set(['alg', 'kid', 'typ']);

/** Three base64url parts: the shape of a compact JWS, nothing verified. */
export const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Ed25519 verification on libuv's thread pool (the callback form of crypto.verify): the event loop only dispatches it. */
function verifyOffThread(data: Buffer, key: KeyObject, signature: Buffer): Promise<boolean> {
  return new Promise((resolve) => cryptoVerify(null, data, key, signature, (err, ok) => resolve(!err && ok)));
}

/**
 * Verifies a compact JWS with a JWK set (public keys only are needed). Never throws.
 *
 * The format is the standard one (any JOSE library verifies it: the unit tests check with jose, the README
 * shows how), but this hot path of every QR scan verifies with node:crypto directly, on the thread pool: jose goes
 * through WebCrypto, whose per-call overhead on the event loop cost about as much as the Ed25519
 * verification itself (npm run bench, issue 5). Strict on purpose: alg EdDSA only, no header field but alg/kid/typ (so no `crit`,
 * no unencoded payload), signature of 64 bytes.
 */
export async function verifyAttestationSignature(jws: string, jwks: JSONWebKeySet): Promise<SignatureCheck> {
  if (typeof jws !== 'string' || jws.length > 4096 || !COMPACT_JWS.test(jws)) return { ok: false, reason: 'malformed' };
  const [encodedHeader, encodedPayload, encodedSignature] = jws.split('.') as [string, string, string];
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(encodedHeader, 'base64url')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) return { ok: false, reason: 'malformed' };
  if (header.alg !== 'EdDSA' && header.alg !== 'Ed25519') return { ok: false, reason: 'malformed' };
  const published = typeof header.kid === 'string' ? publicKeysOf(jwks).get(header.kid) : undefined;
  if (!published || published === 'ambiguous') return { ok: false, reason: 'unknown_key' };
  const key = published.key;
  const signature = Buffer.from(encodedSignature, 'base64url');
  if (signature.length !== 64 || !(await verifyOffThread(Buffer.from(`${encodedHeader}.${encodedPayload}`, 'ascii'), key, signature)))
    return { ok: false, reason: 'bad_signature' };
  if (header.typ !== ATTESTATION_JWS_TYPE || Object.keys(header).some((name) => !allowedHeader.has(name))) return { ok: false, reason: 'bad_payload' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(encodedPayload, 'base64url')));
  } catch {
    return { ok: false, reason: 'bad_payload' };
  }
  const claims = attestationClaimsSchema.safeParse(json);
  if (!claims.success) return { ok: false, reason: 'bad_payload' };
  return { ok: true, kid: header.kid as string, claims: claims.data };
}
