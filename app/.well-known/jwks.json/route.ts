import { getAttestationConfig } from '@/lib/attestations/config';

// Read at request time: the keys come from the running instance's configuration, never from the build.
export const dynamic = 'force-dynamic';

/** The caisse's public signing keys (JWK set): what an offline verifier of the attestations' QR codes needs. */
export function GET() {
  return Response.json(getAttestationConfig().keys.publicJwks, {
    headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' },
  });
}
