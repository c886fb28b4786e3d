import { benchNotFound, isBenchEnabled } from '@/lib/bench/guard';

// The framework's floor for `npm run bench`: a dynamic route handler doing no work at all.
// force-dynamic, or the build would prerender it and the bench would measure a static file.
export const dynamic = 'force-dynamic';

export function GET() {
  if (!isBenchEnabled()) return benchNotFound();
  return Response.json({ ok: true });
}
