import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { rateLimits } from '@/db/schema';
import { hitRateLimit, hitSlidingRateLimit, peekSlidingRateLimit, pruneRateLimits, releaseRateLimitHit, resetRateLimit, startRateLimitPruning } from '@/lib/rate-limit';
import { engines, useTestDatabase } from '../support/db';

const window = { limit: 3, windowSeconds: 600, bucketSeconds: 60 };

describe.each(engines)('sliding-window rate limits (%s)', (engine) => {
  const db = useTestDatabase(engine);
  const t0 = new Date('2026-11-27T10:00:30Z');
  const at = (s: number) => new Date(t0.getTime() + s * 1000);

  it('allows the limit in the window, then says when the oldest hit leaves it', async () => {
    const key = 'test:sliding:a';
    expect(await hitSlidingRateLimit(db(), key, { ...window, now: at(0) })).toMatchObject({ allowed: true, count: 1 });
    expect(await hitSlidingRateLimit(db(), key, { ...window, now: at(120) })).toMatchObject({ allowed: true, count: 2 });
    expect(await hitSlidingRateLimit(db(), key, { ...window, now: at(240) })).toMatchObject({ allowed: true, count: 3 });
    // The bucket of 10:00 leaves the 10-minute window at 10:10:00, i.e. 570 s after t0 (10:00:30).
    expect(await peekSlidingRateLimit(db(), key, { ...window, now: at(300) })).toMatchObject({ allowed: false, count: 3, retryAfterSeconds: 270 });
    expect(await hitSlidingRateLimit(db(), key, { ...window, now: at(300) })).toMatchObject({ allowed: false, count: 4 });
    expect(await peekSlidingRateLimit(db(), key, { ...window, now: at(569) })).toMatchObject({ allowed: false });
    expect(await peekSlidingRateLimit(db(), key, { ...window, now: at(570) })).toMatchObject({ allowed: false, count: 3 });
    // 4 hits were counted (one refused): two buckets must leave before a hit fits again.
    expect(await peekSlidingRateLimit(db(), key, { ...window, now: at(690) })).toMatchObject({ allowed: true, count: 2 });
  });

  it('a released hit no longer counts; a reset forgets everything; keys are independent', async () => {
    const key = 'test:sliding:b';
    const first = await hitSlidingRateLimit(db(), key, { ...window, now: at(0) });
    await hitSlidingRateLimit(db(), key, { ...window, now: at(1) });
    await releaseRateLimitHit(db(), key, first.bucketStart);
    expect(await peekSlidingRateLimit(db(), key, { ...window, now: at(2) })).toMatchObject({ count: 1 });
    expect(await peekSlidingRateLimit(db(), 'test:sliding:other', { ...window, now: at(2) })).toMatchObject({ count: 0, allowed: true });
    await resetRateLimit(db(), key);
    expect(await peekSlidingRateLimit(db(), key, { ...window, now: at(3) })).toMatchObject({ count: 0 });
  });

  it('prunes windows older than a day, at start and then periodically, and keeps the current ones', async () => {
    const now = new Date();
    await hitRateLimit(db(), 'test:prune:old', { limit: 5, windowSeconds: 3600, now: new Date(now.getTime() - 2 * 86_400_000) });
    await hitRateLimit(db(), 'test:prune:recent', { limit: 5, windowSeconds: 3600, now: new Date(now.getTime() - 3_600_000) });
    const keys = async () => (await db().select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key).filter((k) => k.startsWith('test:prune:'));
    expect((await keys()).sort()).toEqual(['test:prune:old', 'test:prune:recent']);
    await pruneRateLimits(db(), now);
    expect(await keys()).toEqual(['test:prune:recent']);

    // The server's timer: one pruning right at start (then hourly).
    await hitRateLimit(db(), 'test:prune:old', { limit: 5, windowSeconds: 3600, now: new Date(now.getTime() - 2 * 86_400_000) });
    const stop = startRateLimitPruning(async () => db());
    try {
      await expect.poll(async () => (await db().select().from(rateLimits).where(eq(rateLimits.key, 'test:prune:old'))).length).toBe(0);
    } finally {
      stop();
    }
    expect(await keys()).toEqual(['test:prune:recent']);
  });
});
