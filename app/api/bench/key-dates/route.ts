import { getDb } from '@/db';
import { benchNotFound, isBenchEnabled } from '@/lib/bench/guard';
import { todayInFrance } from '@/lib/format';
import { getUpcomingKeyDates } from '@/lib/site/queries';

// « Dates à retenir » as the home page reads it, without the rendering: `npm run bench` compares it
// with the floor route and with bench/bare-server.mjs running the same query.
export const dynamic = 'force-dynamic';

export async function GET() {
  if (!isBenchEnabled()) return benchNotFound();
  return Response.json(await getUpcomingKeyDates(await getDb(), todayInFrance()));
}
