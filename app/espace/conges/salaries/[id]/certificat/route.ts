import { z } from 'zod';
import { getDb } from '@/db';
import { auditActor, requireArea } from '@/lib/access/context';
import { isSameOrigin } from '@/lib/attestations/http';
import { issueLeaveCertificate } from '@/lib/leave/certificate';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });

/** « Certificat de congés »: drawn up now, filed in the company's documents, and downloaded at once. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireArea('leave', 'write');
  if (!isSameOrigin(req)) return new Response('Forbidden', { status: 403 });
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return notFound();
  const result = await issueLeaveCertificate(await getDb(), { companyId: ctx.company.id, workerId: id, actor: await auditActor(ctx, ctx.company.id) });
  if (!result.ok) return notFound();
  return new Response(new Uint8Array(result.bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${result.fileName}"`,
      'cache-control': 'private, no-store',
    },
  });
}
