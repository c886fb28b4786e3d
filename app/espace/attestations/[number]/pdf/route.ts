import { getDb } from '@/db';
import { pdfResponse } from '@/lib/attestations/http';
import { getAttestationPdfForUser } from '@/lib/attestations/queries';
import { ATTESTATION_NUMBER_PATTERN } from '@/lib/attestations/rules';
import { getCurrentSession } from '@/lib/auth/current';
import { notFoundResponse } from '@/lib/http/download';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Re-download: the bytes stored at issue, never re-rendered. Anybody but the company's users: 404. */
export const GET = answerFailures(
  'attestations: re-download',
  'Le fichier de l’attestation n’a pas pu être préparé à cause d’un incident technique de notre côté. Rien n’a été modifié.',
  async (_req: Request, { params }: { params: Promise<{ number: string }> }) => {
    const { number } = await params;
    if (!ATTESTATION_NUMBER_PATTERN.test(number)) return notFoundResponse();
    const userId = getCurrentSession().then((s) => s?.userId ?? null);
    const found = await getAttestationPdfForUser(await getDb(), userId, number);
    if (!found) return notFoundResponse();
    return pdfResponse(found.number, found.pdf, found.sha256);
  },
);
