import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { getReceipt } from '@/lib/declarations/queries';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });

/** « Accusé de réception » of a sent declaration: the stored bytes, for those who may read the company's declarations. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireArea('declarations', 'read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return notFound();
  const receipt = await getReceipt(await getDb(), ctx.company.id, id.toLowerCase());
  if (!receipt) return notFound();
  return new Response(new Uint8Array(receipt.bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(receipt.bytes.byteLength),
      'content-disposition': `attachment; filename="${receipt.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
