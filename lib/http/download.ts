import 'server-only';
import { contentDisposition } from '@/lib/documents/rules';

// The file responses of the space (PDFs, exports, uploads): one place for the headers every download
// must carry — attachment with a safe file name (ASCII + RFC 5987), no sniffing, never cached shared.

export type FileDownload = {
  bytes: Uint8Array | string;
  fileName: string;
  contentType: string;
  /** e.g. an ETag or an application header. */
  headers?: Record<string, string>;
};

export function fileDownload({ bytes, fileName, contentType, headers }: FileDownload): Response {
  const body = typeof bytes === 'string' ? bytes : new Uint8Array(bytes);
  return new Response(body, {
    headers: {
      'content-type': contentType,
      ...(typeof bytes === 'string' ? {} : { 'content-length': String(bytes.byteLength) }),
      'content-disposition': contentDisposition(fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      ...headers,
    },
  });
}

/** The one answer to anything the caller may not see, or that does not exist: they are not told apart. */
export function notFoundResponse(): Response {
  return new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
}
