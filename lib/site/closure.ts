import 'server-only';
import { getDb } from '@/db';
import { todayInFrance } from '@/lib/format';
import { getClosureInForce, getNextOpening } from './queries';

/** The closure in force now and the reopening day, or null when the secure space is open. */
export async function getSpaceClosureNow(now: Date = new Date()) {
  const db = await getDb();
  const today = todayInFrance(now);
  const closure = await getClosureInForce(db, today);
  if (!closure) return null;
  const reopening = closure.endsOn ? await getNextOpening(db, closure.endsOn) : null;
  return { closure, reopensOn: reopening?.startsOn ?? null };
}
