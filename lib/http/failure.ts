import 'server-only';
import { escapeHtml } from '@/lib/html';

// Route handlers that fail on our side (database restarting or unreachable, a PDF that cannot be made):
// the user is told so in French, never handed Next's bare « Internal Server Error »; the server log gets
// the reason. Pages have their error boundaries (app/**/error.tsx) for the same.

/**
 * What a failure is worth logging: the database's own words when there are some. Drizzle's error message
 * carries the statement's parameters (a PDF, a signature, an address): those never go to the log.
 */
export function failureReason(err: unknown): string {
  const cause = (err as { cause?: unknown })?.cause;
  const reason = cause instanceof Error ? cause.message : err instanceof Error ? err.message.split('\nparams:')[0]! : String(err);
  return reason.slice(0, 300);
}

/** A short French page, 503 with Retry-After: what could not be done, where to go. */
export function unavailablePage(message: string, back = { href: '/espace', label: 'Retour à l’Espace sécurisé' }): Response {
  const html =
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Service momentanément indisponible</title></head>' +
    '<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b2537">' +
    `<main><h1>Service momentanément indisponible</h1><p>${escapeHtml(message)}</p>` +
    `<p>Réessayez dans quelques minutes. <a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '30' } });
}

/** Next's own control flow (notFound(), redirect() from requireArea…) travels as errors carrying a digest. */
function isNextControlFlow(err: unknown): boolean {
  return typeof (err as { digest?: unknown })?.digest === 'string';
}

/**
 * A route handler whose failures are answered by `onFailure` (a message: the page above; or a response of
 * its own) and logged as « [label] failed: reason ». Next's control flow passes through untouched.
 */
export function answerFailures<Args extends unknown[]>(
  label: string,
  onFailure: string | ((...args: NoInfer<Args>) => Response),
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isNextControlFlow(err)) throw err;
      console.error(`[${label}] failed:`, failureReason(err));
      return typeof onFailure === 'string' ? unavailablePage(onFailure) : onFailure(...args);
    }
  };
}
