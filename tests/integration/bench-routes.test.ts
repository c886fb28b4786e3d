import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '@/db/seed';
import { todayInFrance } from '@/lib/format';
import { getUpcomingKeyDates } from '@/lib/site/queries';
import { engines, useTestDatabase } from '../support/db';

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
    vi.stubEnv('AUTH_SECRET', 'p'.repeat(40));
    vi.stubEnv('DATABASE_URL', 'postgres://espace@db.internal/espace');
    vi.stubEnv('APP_URL', 'https://espace.example.test');
    vi.stubEnv('RESEND_API_KEY', 're_live');
    vi.stubEnv('LETTERS_SECRET', 'l'.repeat(40));
    vi.stubEnv('ATTESTATION_SIGNING_KEYS', '{"keys":[]}');
    const { floor, keyDates } = await importRoutes();
    expect(floor.GET().status).toBe(404);
    expect((await keyDates.GET()).status).toBe(404);
  });
});
