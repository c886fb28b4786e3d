import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';
import type { JSONWebKeySet, JWK } from 'jose';
import type { Env } from '@/lib/env';

// Signing keys of the attestations (Ed25519, JWK). Not 'server-only' on purpose: lib/server-start.ts
// validates the production key set at start with parseSigningKeySet, and it must not pull in Next.
//
// Production: ATTESTATION_SIGNING_KEYS holds a JWK set; its FIRST key signs new attestations and must
// carry its private part `d`; every key of the set (with or without `d`) is published at
// /.well-known/jwks.json, so attestations signed with an older key keep verifying after a rotation.
// Development and tests: the set is generated on first use in DATA_DIR/attestation-keys.json.

const ed25519Jwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'x : clé publique Ed25519 en base64url (43 caractères)'),
  d: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'd : clé privée Ed25519 en base64url (43 caractères)')
    .optional(),
  kid: z.string().trim().min(1, 'kid manquant').max(64).regex(/^[A-Za-z0-9._-]+$/, 'kid : lettres, chiffres, . _ - seulement'),
});

const keySetSchema = z.object({ keys: z.array(ed25519Jwk).min(1, 'le jeu de clés est vide') });

export type SigningKeyRing = {
  /** The key that signs new attestations (first of the set). */
  active: { kid: string; privateJwk: JWK };
  /** Every key of the set without its private part: what /.well-known/jwks.json publishes. */
  publicJwks: JSONWebKeySet;
};

export class SigningKeyError extends Error {
  constructor(message: string) {
    super(`ATTESTATION_SIGNING_KEYS invalide / invalid: ${message}`);
    this.name = 'SigningKeyError';
  }
}

export function parseSigningKeySet(json: string): SigningKeyRing {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new SigningKeyError('ce n’est pas du JSON / not JSON');
  }
  const parsed = keySetSchema.safeParse(raw);
  if (!parsed.success) throw new SigningKeyError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const keys = parsed.data.keys;
  const kids = new Set<string>();
  for (const k of keys) {
    if (kids.has(k.kid)) throw new SigningKeyError(`kid en double / duplicate kid « ${k.kid} »`);
    kids.add(k.kid);
  }
  const first = keys[0]!;
  if (!first.d) throw new SigningKeyError(`la première clé (« ${first.kid} ») signe : elle doit contenir « d » / the first key signs and needs its private part d`);
  return {
    active: { kid: first.kid, privateJwk: { ...first, alg: 'EdDSA' } },
    publicJwks: { keys: keys.map((k) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid, alg: 'EdDSA', use: 'sig' })) },
  };
}

/** A new Ed25519 signing key as a private JWK (for a rotation: put it first in the set). */
export function generateSigningJwk(kid: string): JWK {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; d: string };
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d, kid, alg: 'EdDSA', use: 'sig' };
}

function newKid(prefix: string, now = new Date()): string {
  return `${prefix}-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${crypto.randomBytes(3).toString('hex')}`;
}

/** Dev/test only: the key set kept under DATA_DIR, created on first use. */
export function getDevSigningKeySet(dataDir: string): string {
  const file = path.resolve(dataDir, 'attestation-keys.json');
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // absent: created below
  }
  const json = JSON.stringify({ keys: [generateSigningJwk(newKid('dev'))] }, null, 2);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, json, { mode: 0o600 });
  try {
    // Another process may have created it meanwhile: keep the first one (link fails if it exists).
    fs.linkSync(tmp, file);
  } catch {
    // keep the existing file
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fs.readFileSync(file, 'utf8');
}

const cache = new Map<string, SigningKeyRing>();

/** The key ring of this process: from the environment, or the dev key file outside production. */
export function getSigningKeyRing(env: Pick<Env, 'attestationSigningKeys' | 'dataDir' | 'isProduction'>): SigningKeyRing {
  if (!env.attestationSigningKeys && env.isProduction) throw new SigningKeyError('manquant en production / missing in production');
  const cacheKey = env.attestationSigningKeys ?? `file:${env.dataDir}`;
  let ring = cache.get(cacheKey);
  if (!ring) {
    ring = parseSigningKeySet(env.attestationSigningKeys ?? getDevSigningKeySet(env.dataDir));
    cache.set(cacheKey, ring);
  }
  return ring;
}
