import { z } from 'zod';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { getMandatePdf, pdfDownload } from '@/lib/payments/documents';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });

/** The SEPA mandate to sign, as stored in « Mes documents »; another company's mandate is « not found ». */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireArea('payments', 'read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return notFound();
  const file = await getMandatePdf(await getDb(), { companyId: ctx.company.id, mandateId: id.data, userId: ctx.session.userId });
  return file ? pdfDownload(file) : notFound();
}
