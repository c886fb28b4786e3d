import 'server-only';

// Route handlers get no CSRF check from Next (server actions do): every state-changing handler calls this.

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
