import { getDb } from '@/db';
import { requestInfo } from '@/lib/auth/request-info';
import { decodeSegment } from '@/lib/attestations/http';
import { toVerificationJson, verifyAttestation } from '@/lib/attestations/verify';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/attestations/verify/<code>[?s=<signature>]: the verifier's verdict for machines (README). */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const signature = new URL(req.url).searchParams.get('s');
  const { ip } = requestInfo(req.headers);
  const result = await verifyAttestation(await getDb(), { code: decodeSegment(code), signature, channel: 'api', ip });
  const { status, body, headers } = toVerificationJson(result);
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', 'access-control-allow-origin': '*', ...headers } });
}
