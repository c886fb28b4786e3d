import 'server-only';
import { getDb } from '@/db';
import { addDaysToDay, todayInFrance } from '@/lib/format';
import { getClosureInForce, getNextKeyDate, getNextOpening } from './queries';

/** The closure in force now and the reopening day, or null when the secure space is open. */
export async function getSpaceClosureNow(now: Date = new Date()) {
  const db = await getDb();
  const today = todayInFrance(now);
  const closure = await getClosureInForce(db, today);
  if (!closure) return null;
  if (!closure.endsOn) return { closure, reopensOn: null };
  const [reopening, laterClosure] = await Promise.all([
    getNextOpening(db, closure.endsOn),
    getNextKeyDate(db, 'space_closure', addDaysToDay(closure.endsOn, 1)),
  ]);
  // An opening announced after a later closure has started belongs to that closure, not to this one.
  const belongsHere = reopening && (!laterClosure || reopening.startsOn <= laterClosure.startsOn);
  return { closure, reopensOn: belongsHere ? reopening.startsOn : null };
}
