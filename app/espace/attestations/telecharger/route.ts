import { z } from 'zod';
import { getDb } from '@/db';
import { issueAttestation } from '@/lib/attestations/mutations';
import { getCurrentSession } from '@/lib/auth/current';
import { requestInfo } from '@/lib/auth/request-info';
import { pdfResponse } from '@/lib/attestations/http';
import { isSameOrigin } from '@/lib/http/origin';
import { getSpaceClosureNow } from '@/lib/site/closure';
import { notFoundResponse } from '@/lib/http/download';
import { answerFailures } from '@/lib/http/failure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const issueRequestSchema = z.object({ companyId: z.uuid() });

/**
 * « Télécharger une attestation de mise à jour »: issues one and answers with its PDF at once. When the PDF
 * cannot be made or the database fails, nothing is issued (the row and its audit entry are one statement,
 * written once the PDF exists): back to the page, which says so (`?erreur=1`).
 */
export const POST = answerFailures(
  'attestations: issue',
  (req: Request) => Response.redirect(new URL('/espace/attestations?erreur=1', req.url), 303),
  async (req: Request) => {
    const [session, closure] = await Promise.all([getCurrentSession(), getSpaceClosureNow()]);
    if (!session) return notFoundResponse();
    // Auth.js cookies are SameSite=Lax already; a cross-site form post is refused here too.
    if (!isSameOrigin(req)) return new Response('Forbidden', { status: 403 });
    const form = await req.formData().catch(() => null);
    const parsed = issueRequestSchema.safeParse({ companyId: form?.get('companyId') });
    if (!parsed.success) return notFoundResponse();
    if (closure) return new Response('L’Espace sécurisé est fermé.', { status: 503 });

    const { ip, userAgent } = requestInfo(req.headers);
    const result = await issueAttestation(await getDb(), { userId: session.userId, companyId: parsed.data.companyId, ip, userAgent });
    if (!result.ok && result.reason === 'not_found') return notFoundResponse();
    // Not up to date: back to the page, which lists what is missing.
    if (!result.ok) return Response.redirect(new URL('/espace/attestations?refus=1', req.url), 303);
    return pdfResponse(result.attestation.number, result.attestation.pdf);
  },
);
