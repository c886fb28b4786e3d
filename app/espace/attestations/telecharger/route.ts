import { z } from 'zod';
import { getDb } from '@/db';
import { issueAttestation } from '@/lib/attestations/mutations';
import { getCurrentSession } from '@/lib/auth/current';
import { requestInfo } from '@/lib/auth/request-info';
import { pdfResponse } from '@/lib/attestations/http';
import { isSameOrigin } from '@/lib/http/origin';
import { getSpaceClosureNow } from '@/lib/site/closure';
import { failureReason, notFoundResponse } from '@/lib/http/download';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const issueRequestSchema = z.object({ companyId: z.uuid() });

/** « Télécharger une attestation de mise à jour »: issues one and answers with its PDF at once. */
export async function POST(req: Request) {
  const [session, closure] = await Promise.all([getCurrentSession(), getSpaceClosureNow()]);
  if (!session) return notFoundResponse();
  // Auth.js cookies are SameSite=Lax already; a cross-site form post is refused here too.
  if (!isSameOrigin(req)) return new Response('Forbidden', { status: 403 });
  const form = await req.formData().catch(() => null);
  const parsed = issueRequestSchema.safeParse({ companyId: form?.get('companyId') });
  if (!parsed.success) return notFoundResponse();
  if (closure) return new Response('L’Espace sécurisé est fermé.', { status: 503 });

  const { ip, userAgent } = requestInfo(req.headers);
  let result;
  try {
    result = await issueAttestation(await getDb(), { userId: session.userId, companyId: parsed.data.companyId, ip, userAgent });
  } catch (err) {
    // The PDF could not be made, or the database failed: the attestation's row (with its audit entry) is
    // written in one statement once the PDF exists, so nothing was issued. Back to the page, which says so.
    console.error('[attestations] issue failed:', failureReason(err));
    return Response.redirect(new URL('/espace/attestations?erreur=1', req.url), 303);
  }
  if (!result.ok && result.reason === 'not_found') return notFoundResponse();
  // Not up to date: back to the page, which lists what is missing.
  if (!result.ok) return Response.redirect(new URL('/espace/attestations?refus=1', req.url), 303);
  return pdfResponse(result.attestation.number, result.attestation.pdf);
}
