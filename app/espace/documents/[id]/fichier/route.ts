import { getDb } from '@/db';
import { getCurrentSession } from '@/lib/auth/current';
import { requestInfo } from '@/lib/auth/request-info';
import { getDocumentForUser } from '@/lib/documents/queries';
import { contentDisposition } from '@/lib/documents/rules';
import { notFoundResponse } from '@/lib/http/download';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * A document of « Mes documents », decrypted, as a download. Only for actors lib/access allows to
 * read the documents of its company; anyone else, a letter or an unknown id: 404 alike.
 */
export const GET = answerFailures(
  'documents',
  'Le document n’a pas pu être préparé à cause d’un incident technique de notre côté. Il reste dans « Mes documents », rien n’a été modifié.',
  async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    const session = await getCurrentSession();
    const doc = await getDocumentForUser(await getDb(), session?.userId ?? null, id, requestInfo(req.headers).ip);
    if (!doc) return notFoundResponse();
    const bytes = doc.bytes;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      // In 64 KiB chunks: the response streams instead of handing one 10 MB buffer to the socket.
      pull(controller) {
        const chunk = bytes.subarray(sent, sent + 65_536);
        sent += chunk.byteLength;
        if (chunk.byteLength) controller.enqueue(new Uint8Array(chunk));
        if (sent >= bytes.byteLength) controller.close();
      },
    });
    return new Response(body, {
      headers: {
        'content-type': doc.contentType,
        'content-length': String(bytes.byteLength),
        'content-disposition': contentDisposition(doc.fileName),
        'x-content-type-options': 'nosniff',
        // Even if a browser were to render it inline, an uploaded file runs nothing.
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
        etag: `"${doc.sha256}"`,
      },
    });
  },
);
