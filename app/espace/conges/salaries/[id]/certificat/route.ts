import { z } from 'zod';
import { getDb } from '@/db';
import { auditActor, requireArea } from '@/lib/access/context';
import { isSameOrigin } from '@/lib/http/origin';
import { issueLeaveCertificate } from '@/lib/leave/certificate';
import { fileDownload, notFoundResponse } from '@/lib/http/download';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** « Certificat de congés »: drawn up now, filed in the company's documents, and downloaded at once. */
export const POST = answerFailures(
  'conges',
  'Le certificat de congés n’a pas pu être établi à cause d’un incident technique de notre côté. Aucun certificat n’a été enregistré.',
  async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
    const ctx = await requireArea('leave', 'write');
    if (!isSameOrigin(req)) return new Response('Forbidden', { status: 403 });
    const { id } = await params;
    if (!z.uuid().safeParse(id).success) return notFoundResponse();
    const result = await issueLeaveCertificate(await getDb(), { companyId: ctx.company.id, workerId: id, actor: await auditActor(ctx, ctx.company.id) });
    if (!result.ok) return notFoundResponse();
    return fileDownload({ bytes: result.bytes, fileName: result.fileName, contentType: 'application/pdf' });
  },
);
