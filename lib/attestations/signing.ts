import { CompactSign, compactVerify, createLocalJWKSet, errors, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
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

const keySets = new WeakMap<JSONWebKeySet, ReturnType<typeof createLocalJWKSet>>();

/** Verifies a compact JWS with a JWK set (public keys only are needed). Never throws. */
export async function verifyAttestationSignature(jws: string, jwks: JSONWebKeySet): Promise<SignatureCheck> {
  if (typeof jws !== 'string' || jws.length > 4096 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jws)) return { ok: false, reason: 'malformed' };
  let keySet = keySets.get(jwks);
  if (!keySet) {
    keySet = createLocalJWKSet(jwks);
    keySets.set(jwks, keySet);
  }
  try {
    const { payload, protectedHeader } = await compactVerify(jws, keySet, { algorithms: ['EdDSA', 'Ed25519'] });
    if (protectedHeader.typ !== ATTESTATION_JWS_TYPE || !protectedHeader.kid) return { ok: false, reason: 'bad_payload' };
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
    } catch {
      return { ok: false, reason: 'bad_payload' };
    }
    const claims = attestationClaimsSchema.safeParse(json);
    if (!claims.success) return { ok: false, reason: 'bad_payload' };
    return { ok: true, kid: protectedHeader.kid, claims: claims.data };
  } catch (err) {
    if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) return { ok: false, reason: 'unknown_key' };
    if (err instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad_signature' };
    return { ok: false, reason: 'malformed' };
  }
}
