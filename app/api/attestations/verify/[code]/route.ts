import { getDb } from '@/db';
import { requestInfo } from '@/lib/auth/request-info';
import { decodeSegment } from '@/lib/attestations/http';
import { toVerificationJson, verifyAttestation } from '@/lib/attestations/verify';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/attestations/verify/<code>[?s=<signature>]: the verifier's verdict for machines (README). */
export const GET = answerFailures(
  'verify api',
  () =>
    Response.json(
      { error: 'unavailable', message: 'Vérification momentanément impossible (incident technique de la caisse) : réessayez dans quelques minutes.', retryAfterSeconds: 30 },
      { status: 503, headers: { 'cache-control': 'no-store', 'access-control-allow-origin': '*', 'retry-after': '30' } },
    ),
  async (req: Request, { params }: { params: Promise<{ code: string }> }) => {
    const { code } = await params;
    const signature = new URL(req.url).searchParams.get('s');
    const { ip } = requestInfo(req.headers);
    const result = await verifyAttestation(await getDb(), { code: decodeSegment(code), signature, channel: 'api', ip });
    const { status, body, headers } = toVerificationJson(result);
    return Response.json(body, { status, headers: { 'cache-control': 'no-store', 'access-control-allow-origin': '*', ...headers } });
  },
);
