import { getDb } from '@/db';
import { decodeSegment } from '@/lib/attestations/http';
import { renderVerdictPageBytes } from '@/lib/attestations/verdict-page';
import { verifyAttestation } from '@/lib/attestations/verify';
import { requestInfo } from '@/lib/auth/request-info';
import { answerFailures, unavailablePage } from '@/lib/http/failure';
import { getCaisseCached } from '@/lib/site/queries';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * /verifier/<code>[?s=<signature>]: what the QR code opens. The verdict at a glance, then the few facts
 * a buyer needs, nothing else. A route handler writing a small HTML document (lib/attestations/
 * verdict-page.ts explains why it is not a React page).
 */
export const GET = answerFailures(
  'verifier',
  // The database out of reach: say that nothing can be concluded, not a verdict.
  () =>
    unavailablePage('La vérification est momentanément impossible à cause d’un incident technique de la caisse. Cela ne dit rien de l’attestation.', {
      href: '/verifier',
      label: 'Saisir un code de vérification',
    }),
  async (req: Request, { params }: { params: Promise<{ code: string }> }) => {
    const { code: segment } = await params;
    const typed = decodeSegment(segment);
    const signature = new URL(req.url).searchParams.get('s');
    const db = await getDb();
    const [v, caisse] = await Promise.all([
      verifyAttestation(db, { code: typed, signature, channel: 'page', ip: requestInfo(req.headers).ip }),
      getCaisseCached(db),
    ]);
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (v.verdict === 'throttled') headers['retry-after'] = String(v.retryAfterSeconds);
    return new Response(renderVerdictPageBytes(v, typed, caisse), { status: v.verdict === 'throttled' ? 429 : 200, headers });
  },
);
