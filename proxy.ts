import { NextResponse, type NextRequest } from 'next/server';

/**
 * A convenience only: a visitor without any session cookie is sent to the login page before the space
 * renders. The real check is in every page, action and handler (requireSession / getCurrentSession),
 * against the sessions table: a cookie that exists proves nothing here.
 */
export function proxy(request: NextRequest) {
  // Route handlers (file downloads, the document upload) answer « not found » themselves; a redirect to an HTML login page
  // would tell a stranger the resource exists and hand a downloader a page instead of a 404.
  if (/\/(pdf|telecharger|fichier|deposer)$/.test(request.nextUrl.pathname)) return NextResponse.next();
  const hasSessionCookie = request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
  if (hasSessionCookie) return NextResponse.next();
  return NextResponse.redirect(new URL('/connexion', request.url));
}

// The file routes are left out of the matcher itself, not only by the test above: running the proxy at all
// costs a file download about as much CPU as the download (npm run bench, issue 5).
export const config = { matcher: ['/espace', '/espace/((?!.*/(?:pdf|telecharger|fichier|deposer)$).*)'] };
