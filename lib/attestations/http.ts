import 'server-only';
import { createHash } from 'node:crypto';

/** The attestation's PDF as a download; the ETag is the hash of the stored bytes (identical on every download). */
export function pdfResponse(number: string, pdf: Buffer, sha256?: string): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(pdf.byteLength),
      'content-disposition': `attachment; filename="attestation-${number}.pdf"`,
      'cache-control': 'private, no-store',
      etag: `"${sha256 ?? createHash('sha256').update(pdf).digest('hex')}"`,
      'x-attestation-number': number,
    },
  });
}

/** A state-changing request must come from our own pages: the Origin (or Referer) host is the request's. */
export function isSameOrigin(req: Request): boolean {
  const source = req.headers.get('origin') ?? req.headers.get('referer');
  if (!source) return false;
  try {
    const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
    return new URL(source).host === host;
  } catch {
    return false;
  }
}

/** A dynamic route segment as typed (Next hands it over still percent-encoded, e.g. spaces as %20). */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
