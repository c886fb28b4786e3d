import { z } from 'zod';
import { getDb } from '@/db';
import { isSameOrigin } from '@/lib/http/origin';
import { getCurrentSession } from '@/lib/auth/current';
import { requestInfo } from '@/lib/auth/request-info';
import { uploadDocument, uploadFieldErrors } from '@/lib/documents/mutations';
import { uploadErrors } from '@/lib/documents/rules';
import { getSpaceClosureNow } from '@/lib/site/closure';
import { notFoundResponse } from '@/lib/http/download';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const companyIdSchema = z.uuid();

/**
 * « Déposer un document »: the form posts here (multipart), with JavaScript through XHR for the
 * progress bar (it asks for JSON), without it as a plain form (answered by a redirect to the page,
 * which shows the outcome at the field). Not a server action: the size limit and the streaming are ours.
 * The company is in the query string so that the right is checked before a byte of the body is read.
 */
export const POST = answerFailures(
  'documents: upload',
  // The database or the storage failing: nothing was recorded; the field says so.
  (req: Request) => {
    const message = uploadErrors.unavailable.message;
    if ((req.headers.get('accept') ?? '').includes('application/json'))
      return Response.json({ ok: false, message: 'Le document n’a pas été déposé.', fieldErrors: { fichier: message } }, { status: 503, headers: { 'retry-after': '30' } });
    const back = new URL('/espace/documents', req.url);
    back.searchParams.set('erreur-fichier', 'unavailable');
    back.hash = 'deposer';
    return Response.redirect(back, 303);
  },
  async (req: Request) => {
    const [session, closure] = await Promise.all([getCurrentSession(), getSpaceClosureNow()]);
    if (!session) return notFoundResponse();
    // Route handlers get no CSRF check from Next: a cross-site post is refused here (cookies are SameSite=Lax too).
    if (!isSameOrigin(req)) return new Response('Forbidden', { status: 403 });
    const url = new URL(req.url);
    const companyId = companyIdSchema.safeParse(url.searchParams.get('entreprise'));
    if (!companyId.success) return notFoundResponse();
    if (closure) return new Response('L’Espace sécurisé est fermé.', { status: 503 });

    const wantsJson = (req.headers.get('accept') ?? '').includes('application/json');
    const { ip, userAgent } = requestInfo(req.headers);
    const result = await uploadDocument(await getDb(), { userId: session.userId, companyId: companyId.data, ip, userAgent }, req);
    if (!result.ok && result.notFound) return notFoundResponse();

    const back = new URL('/espace/documents', url);
    if (result.ok) {
      const message = `Le document « ${result.title} » est déposé.`;
      if (wantsJson) return Response.json({ ok: true, message, id: result.id, fileName: result.fileName, contentType: result.contentType }, { status: 201 });
      back.searchParams.set('depose', result.id);
      return Response.redirect(back, 303);
    }
    const fieldErrors = uploadFieldErrors(result.errors);
    if (wantsJson) {
      const status = result.errors.fichier === 'file_too_large' ? 413 : 422;
      return Response.json({ ok: false, message: 'Le document n’a pas été déposé.', fieldErrors, values: { titre: result.title } }, { status });
    }
    if (result.errors.fichier) back.searchParams.set('erreur-fichier', result.errors.fichier);
    if (result.errors.titre) back.searchParams.set('erreur-titre', result.errors.titre);
    if (result.title) back.searchParams.set('titre', result.title.slice(0, 200));
    back.hash = 'deposer';
    return Response.redirect(back, 303);
  },
);
