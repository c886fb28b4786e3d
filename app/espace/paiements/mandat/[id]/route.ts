import { z } from 'zod';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { getMandatePdf, pdfDownload } from '@/lib/payments/documents';
import { notFoundResponse } from '@/lib/http/download';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The SEPA mandate to sign, as stored in « Mes documents »; another company's mandate is « not found ». */
export const GET = answerFailures(
  'paiements',
  'Le mandat de prélèvement n’a pas pu être préparé à cause d’un incident technique de notre côté. Rien n’a été modifié.',
  async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
    const ctx = await requireArea('payments', 'read');
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return notFoundResponse();
    const file = await getMandatePdf(await getDb(), { companyId: ctx.company.id, mandateId: id.data, userId: ctx.session.userId });
    return file ? pdfDownload(file) : notFoundResponse();
  },
);
