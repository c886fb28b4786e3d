import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';

export type RateLimitResult = { allowed: boolean; count: number; limit: number; retryAfterSeconds: number };

/**
 * Counts one hit on `key` in the current fixed window and says whether it is within `limit`.
 * Counters live in the database so every instance shares them.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  options: { limit: number; windowSeconds: number; now?: Date },
): Promise<RateLimitResult> {
  const now = options.now ?? new Date();
  const windowMs = options.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  const count = row!.count;
  return {
    allowed: count <= options.limit,
    count,
    limit: options.limit,
    retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  };
}

/** Drops windows that started more than a day ago (every limit's window is an hour at most). */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
}

const pruning = globalThis as unknown as { __espaceRateLimitPruning?: ReturnType<typeof setInterval> };

/**
 * Every instance prunes old windows once at start and then hourly: the public verifier alone writes a
 * row per client address per minute, and the table would otherwise only grow. Idempotent; a failure
 * (database restarting) is logged and retried at the next tick.
 */
export function startRateLimitPruning(getDb: () => Promise<Db>, intervalMs = 3_600_000): () => void {
  const stop = () => {
    clearInterval(pruning.__espaceRateLimitPruning);
    pruning.__espaceRateLimitPruning = undefined;
  };
  if (pruning.__espaceRateLimitPruning) return stop;
  const prune = async () => {
    try {
      await pruneRateLimits(await getDb());
    } catch (err) {
      console.error('[rate-limit] pruning failed:', (err as Error).message);
    }
  };
  void prune();
  pruning.__espaceRateLimitPruning = setInterval(prune, intervalMs);
  pruning.__espaceRateLimitPruning.unref();
  return stop;
}

export type SlidingOptions = {
  /** How many hits the window tolerates. */
  limit: number;
  /** Length of the sliding window. */
  windowSeconds: number;
  /** Granularity of the counters (one row per key and bucket); the window slides by this much. */
  bucketSeconds?: number;
  now?: Date;
};

export type SlidingResult = {
  allowed: boolean;
  /** Hits in the window, including this one for hitSlidingRateLimit. */
  count: number;
  limit: number;
  /** When blocked: seconds until one more hit would be allowed again (0 when allowed). */
  retryAfterSeconds: number;
  /** The bucket this hit went into, to take it back with releaseRateLimitHit. */
  bucketStart: Date;
};

function bucketOf(now: Date, bucketSeconds: number): Date {
  const ms = bucketSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/**
 * Sums the buckets of the last `windowSeconds` and, when the sum has reached the limit, works out when
 * enough old buckets will have left the window for one more hit to fit. `currentCount` replaces what is
 * read for the current bucket (the value the hit's own atomic increment returned).
 */
async function readSlidingWindow(db: Db, key: string, options: SlidingOptions, currentCount?: number): Promise<SlidingResult> {
  const now = options.now ?? new Date();
  const bucketSeconds = options.bucketSeconds ?? 60;
  const bucketStart = bucketOf(now, bucketSeconds);
  // A bucket counts while it started less than a window ago.
  const oldest = new Date(bucketStart.getTime() - options.windowSeconds * 1000 + bucketSeconds * 1000);
  let rows = await db
    .select({ windowStart: rateLimits.windowStart, count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gte(rateLimits.windowStart, oldest), lte(rateLimits.windowStart, bucketStart)))
    .orderBy(asc(rateLimits.windowStart));
  if (currentCount !== undefined) {
    rows = [...rows.filter((r) => r.windowStart.getTime() !== bucketStart.getTime()), { windowStart: bucketStart, count: currentCount }];
  }
  const count = rows.reduce((sum, r) => sum + r.count, 0);
  // After a hit the sum may equal the limit (that hit was allowed); before one, it must stay below.
  const allowed = currentCount !== undefined ? count <= options.limit : count < options.limit;
  let retryAfterSeconds = 0;
  if (!allowed) {
    let remaining = count;
    for (const row of rows) {
      remaining -= row.count;
      if (remaining < options.limit) {
        const leavesAt = row.windowStart.getTime() + options.windowSeconds * 1000;
        retryAfterSeconds = Math.max(1, Math.ceil((leavesAt - now.getTime()) / 1000));
        break;
      }
    }
  }
  return { allowed, count, limit: options.limit, retryAfterSeconds, bucketStart };
}

/** Whether one more hit on `key` would be allowed, without counting it. */
export function peekSlidingRateLimit(db: Db, key: string, options: SlidingOptions): Promise<SlidingResult> {
  return readSlidingWindow(db, key, options);
}

/**
 * Counts one hit on `key` and says whether the last `windowSeconds` stay within `limit`. Unlike the
 * fixed window of hitRateLimit, a burst across a window boundary cannot get twice the limit through.
 * The decision uses the count returned by this hit's own atomic increment, so of N concurrent hits
 * exactly as many as the limit leaves room for are allowed. Count before the guarded work.
 */
export async function hitSlidingRateLimit(db: Db, key: string, options: SlidingOptions): Promise<SlidingResult> {
  const now = options.now ?? new Date();
  const bucketStart = bucketOf(now, options.bucketSeconds ?? 60);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: bucketStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  return readSlidingWindow(db, key, { ...options, now }, row!.count);
}

/** Takes back a hit (e.g. the attempt succeeded, and only failures should count). */
export async function releaseRateLimitHit(db: Db, key: string, bucketStart: Date): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, bucketStart)));
}

/** Forgets every hit on `key` (e.g. an account's failures once its owner proved control of the mailbox). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
