import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { todayInFrance } from '@/lib/format';
import { isSameOrigin } from '@/lib/http/origin';
import { pdfDownload, produceStatementPdf } from '@/lib/payments/documents';
import { notFoundResponse } from '@/lib/http/download';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * « Télécharger le relevé de compte (PDF) »: rendered at today's date, stored in « Mes documents », and
 * downloaded at once. A POST from our own pages only: it files a document, so a link from elsewhere (or a
 * prefetch) must not.
 */
export const POST = answerFailures(
  'paiements',
  'Le relevé de compte n’a pas pu être préparé à cause d’un incident technique de notre côté. Aucun relevé n’a été enregistré.',
  async (req: Request) => {
    const ctx = await requireArea('payments', 'read');
    if (!isSameOrigin(req)) return new Response('Forbidden', { status: 403 });
    const file = await produceStatementPdf(await getDb(), { companyId: ctx.company.id, userId: ctx.session.userId, today: todayInFrance() });
    if (!file) return notFoundResponse();
    return pdfDownload(file);
  },
);
