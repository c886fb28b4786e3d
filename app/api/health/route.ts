export const dynamic = 'force-dynamic';

/** Liveness for load balancers (no database): also the baseline of `npm run bench`. */
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
