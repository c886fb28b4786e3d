import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '@/db/seed';
import { todayInFrance } from '@/lib/format';
import { getUpcomingKeyDates } from '@/lib/site/queries';
import { engines, useTestDatabase } from '../support/db';
import { productionSecrets } from '../support/production-env';

// The routes `npm run bench` measures. Each import below is fresh, so lib/env reads the stubbed variables.
async function importRoutes() {
  vi.resetModules();
  const floor = await import('@/app/api/bench/floor/route');
  const keyDates = await import('@/app/api/bench/key-dates/route');
  return { floor, keyDates };
}

describe.each(engines)('bench routes (%s)', (engine) => {
  const db = useTestDatabase(engine);

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('answer the floor and the upcoming key dates outside production', async () => {
    await seedDemo(db());
    const { floor, keyDates } = await importRoutes();
    expect(await floor.GET().json()).toEqual({ ok: true });
    const res = await keyDates.GET();
    expect(res.status).toBe(200);
    const expected = JSON.parse(JSON.stringify(await getUpcomingKeyDates(db(), todayInFrance())));
    expect(expected.length).toBeGreaterThan(0);
    expect(await res.json()).toEqual(expected);
  });

  it('answer 404 in production', async () => {
    vi.stubEnv('APP_ENV', 'production');
    for (const [name, value] of Object.entries(productionSecrets)) vi.stubEnv(name, value);
    const { floor, keyDates } = await importRoutes();
    expect(floor.GET().status).toBe(404);
    expect((await keyDates.GET()).status).toBe(404);
  });
});
