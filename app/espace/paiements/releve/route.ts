import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { todayInFrance } from '@/lib/format';
import { pdfDownload, produceStatementPdf } from '@/lib/payments/documents';
import { notFoundResponse } from '@/lib/http/download';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** « Télécharger le relevé de compte (PDF) »: rendered at today's date and stored in « Mes documents ». */
export async function GET() {
  const ctx = await requireArea('payments', 'read');
  const file = await produceStatementPdf(await getDb(), { companyId: ctx.company.id, userId: ctx.session.userId, today: todayInFrance() });
  if (!file) return notFoundResponse();
  return pdfDownload(file);
}
