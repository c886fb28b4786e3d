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

/**
 * What a failure is worth logging: the database's own words when there are some. Drizzle's error message
 * carries the statement's parameters (a PDF, a signature, an address): those never go to the log.
 */
export function failureReason(err: unknown): string {
  const cause = (err as { cause?: unknown })?.cause;
  const reason = cause instanceof Error ? cause.message : err instanceof Error ? err.message.split('\nparams:')[0]! : String(err);
  return reason.slice(0, 300);
}

/**
 * A download that failed on our side (database restarting, a PDF that could not be made): a short French
 * page saying so, instead of Next's bare 500. Nothing was changed by the failed request; the reason goes to
 * the server log only.
 */
export function unavailableResponse(what: string): Response {
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Service momentanément indisponible</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><h1>Service momentanément indisponible</h1><p>${what} n’a pas pu être préparé à cause d’un incident technique de notre côté. Rien n’a été modifié.</p><p>Réessayez dans quelques minutes. <a href="/espace">Retour à l’Espace sécurisé</a></p></body></html>`;
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '30' } });
}
