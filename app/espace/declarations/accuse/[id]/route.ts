import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { getReceipt } from '@/lib/declarations/queries';
import { fileDownload, notFoundResponse } from '@/lib/http/download';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** « Accusé de réception » of a sent declaration: the stored bytes, for those who may read the company's declarations. */
export const GET = answerFailures(
  'declarations',
  'L’accusé de réception n’a pas pu être préparé à cause d’un incident technique de notre côté. Rien n’a été modifié.',
  async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
    const ctx = await requireArea('declarations', 'read');
    const { id } = await params;
    if (!/^[0-9a-f-]{36}$/i.test(id)) return notFoundResponse();
    const receipt = await getReceipt(await getDb(), ctx.company.id, id.toLowerCase());
    if (!receipt) return notFoundResponse();
    return fileDownload({ bytes: receipt.bytes, fileName: receipt.fileName, contentType: 'application/pdf' });
  },
);
