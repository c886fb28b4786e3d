import 'server-only';
import { createHash } from 'node:crypto';
import { fileDownload } from '@/lib/http/download';

/** The attestation's PDF as a download; the ETag is the hash of the stored bytes (identical on every download). */
export function pdfResponse(number: string, pdf: Buffer, sha256?: string): Response {
  return fileDownload({
    bytes: pdf,
    fileName: `attestation-${number}.pdf`,
    contentType: 'application/pdf',
    headers: { etag: `"${sha256 ?? createHash('sha256').update(pdf).digest('hex')}"`, 'x-attestation-number': number },
  });
}

/** A dynamic route segment as typed (Next hands it over still percent-encoded, e.g. spaces as %20). */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
