import { getDb } from '@/db';
import { pdfResponse } from '@/lib/attestations/http';
import { getAttestationPdfForUser } from '@/lib/attestations/queries';
import { ATTESTATION_NUMBER_PATTERN } from '@/lib/attestations/rules';
import { getCurrentSession } from '@/lib/auth/current';
import { failureReason, notFoundResponse, unavailableResponse } from '@/lib/http/download';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Re-download: the bytes stored at issue, never re-rendered. Anybody but the company's users: 404. */
export async function GET(_req: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  if (!ATTESTATION_NUMBER_PATTERN.test(number)) return notFoundResponse();
  const userId = getCurrentSession().then((s) => s?.userId ?? null);
  let found;
  try {
    found = await getAttestationPdfForUser(await getDb(), userId, number);
  } catch (err) {
    console.error('[attestations] re-download failed:', failureReason(err));
    return unavailableResponse('Le fichier de l’attestation');
  }
  if (!found) return notFoundResponse();
  return pdfResponse(found.number, found.pdf, found.sha256);
}
