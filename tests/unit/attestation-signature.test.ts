import { compactVerify, createLocalJWKSet } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateSigningJwk, parseSigningKeySet } from '@/lib/attestations/keys';
import { signAttestation, verifyAttestationSignature, type AttestationClaims } from '@/lib/attestations/signing';

const claims: AttestationClaims = {
  v: 1,
  num: 'ATT-2026-000042',
  siret: '94567890200012',
  name: 'Charpentes Champenoises Démo SARL',
  issued: '2026-11-27',
  validUntil: '2027-02-26',
  code: '7KQ2M9XD4TFARC38',
};

/** What a third party has: the JSON served at /.well-known/jwks.json, nothing else. */
const published = (json: string) => JSON.parse(JSON.stringify(parseSigningKeySet(json).publicJwks));

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const fromB64 = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));

describe('attestation signatures (Ed25519 compact JWS)', () => {
  const k1 = generateSigningJwk('cibtp-ge-2026-1');
  const set1 = JSON.stringify({ keys: [k1] });

  it('verify with only the published JWK set, which holds no private part', async () => {
    const jws = await signAttestation(claims, parseSigningKeySet(set1).active);
    const jwks = published(set1);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'cibtp-ge-2026-1', alg: 'EdDSA', use: 'sig' });
    expect(fromB64(jws.split('.')[0]!)).toEqual({ alg: 'EdDSA', kid: 'cibtp-ge-2026-1', typ: 'attestation-mise-a-jour+jws' });
    expect(await verifyAttestationSignature(jws, jwks)).toEqual({ ok: true, kid: 'cibtp-ge-2026-1', claims });
    // What an offline verifier does with any JOSE library (README): jose, independent of our verifier.
    const byJose = await compactVerify(jws, createLocalJWKSet(jwks));
    expect(byJose.protectedHeader).toMatchObject({ alg: 'EdDSA', kid: 'cibtp-ge-2026-1' });
    expect(JSON.parse(new TextDecoder().decode(byJose.payload))).toEqual(claims);
  });

  it('agree with jose on what is authentic: header fields beyond alg/kid/typ and non-EdDSA algorithms are refused', async () => {
    const jwks = published(set1);
    const [, payload, signature] = (await signAttestation(claims, parseSigningKeySet(set1).active)).split('.') as [string, string, string];
    // Another header, signed by nobody: jose refuses it (signature), and so do we.
    const reheaded = `${b64({ alg: 'EdDSA', kid: 'cibtp-ge-2026-1', typ: 'attestation-mise-a-jour+jws', crit: ['b64'], b64: false })}.${payload}.${signature}`;
    await expect(compactVerify(reheaded, createLocalJWKSet(jwks))).rejects.toThrow();
    expect((await verifyAttestationSignature(reheaded, jwks)).ok).toBe(false);
    const hs256 = `${b64({ alg: 'HS256', kid: 'cibtp-ge-2026-1', typ: 'attestation-mise-a-jour+jws' })}.${payload}.${signature}`;
    expect(await verifyAttestationSignature(hs256, jwks)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('reject a payload changed by one character, re-encoded edits and a touched signature', async () => {
    const jws = await signAttestation(claims, parseSigningKeySet(set1).active);
    const jwks = published(set1);
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    for (let i = 0; i < payload.length; i++) {
      const c = payload[i] === 'A' ? 'B' : 'A';
      const edited = `${header}.${payload.slice(0, i)}${c}${payload.slice(i + 1)}.${signature}`;
      expect((await verifyAttestationSignature(edited, jwks)).ok, `payload character ${i}`).toBe(false);
    }
    const forged = `${header}.${b64({ ...claims, siret: '94567890200013' })}.${signature}`;
    expect(await verifyAttestationSignature(forged, jwks)).toEqual({ ok: false, reason: 'bad_signature' });
    const longer = `${header}.${b64({ ...claims, validUntil: '2028-02-26' })}.${signature}`;
    expect(await verifyAttestationSignature(longer, jwks)).toEqual({ ok: false, reason: 'bad_signature' });
    const sig2 = (signature[5] === 'A' ? 'B' : 'A') + '';
    expect((await verifyAttestationSignature(`${header}.${payload}.${signature.slice(0, 5)}${sig2}${signature.slice(6)}`, jwks)).ok).toBe(false);
    expect(await verifyAttestationSignature('not-a-jws', jwks)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('reject a signature by a key the caisse did not publish, even under a published kid', async () => {
    const jwks = published(set1);
    const stranger = generateSigningJwk('someone-else');
    const byStranger = await signAttestation(claims, { kid: 'someone-else', privateJwk: stranger });
    expect(await verifyAttestationSignature(byStranger, jwks)).toEqual({ ok: false, reason: 'unknown_key' });
    const impostor = generateSigningJwk('cibtp-ge-2026-1');
    const byImpostor = await signAttestation(claims, { kid: 'cibtp-ge-2026-1', privateJwk: impostor });
    expect(await verifyAttestationSignature(byImpostor, jwks)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('keep attestations signed before a key rotation verifiable', async () => {
    const before = await signAttestation(claims, parseSigningKeySet(set1).active);
    // Rotation: the new key goes first (it signs from now on); the old one stays, its private part removed.
    const k2 = generateSigningJwk('cibtp-ge-2027-1');
    const rotated = JSON.stringify({ keys: [k2, { kty: k1.kty, crv: k1.crv, x: k1.x, kid: k1.kid }] });
    const ring = parseSigningKeySet(rotated);
    expect(ring.active.kid).toBe('cibtp-ge-2027-1');
    const after = await signAttestation({ ...claims, num: 'ATT-2027-000001' }, ring.active);
    const jwks = published(rotated);
    expect(await verifyAttestationSignature(before, jwks)).toMatchObject({ ok: true, kid: 'cibtp-ge-2026-1' });
    expect(await verifyAttestationSignature(after, jwks)).toMatchObject({ ok: true, kid: 'cibtp-ge-2027-1' });
    // Dropping the old public key from the set is what would break them: it must stay published.
    expect(await verifyAttestationSignature(before, published(JSON.stringify({ keys: [k2] })))).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('refuse a key set the instance could not sign with', () => {
    expect(() => parseSigningKeySet('{')).toThrow(/JSON/);
    expect(() => parseSigningKeySet(JSON.stringify({ keys: [] }))).toThrow(/vide/);
    expect(() => parseSigningKeySet(JSON.stringify({ keys: [{ kty: k1.kty, crv: k1.crv, x: k1.x, kid: k1.kid }] }))).toThrow(/première clé/);
    expect(() => parseSigningKeySet(JSON.stringify({ keys: [k1, k1] }))).toThrow(/double/);
  });
});
