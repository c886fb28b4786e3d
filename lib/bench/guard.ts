import 'server-only';
import { getEnv } from '@/lib/env';

/** The /api/bench/* routes exist for `npm run bench` only: a production instance answers 404. */
export function isBenchEnabled(): boolean {
  return !getEnv().isProduction;
}

export function benchNotFound(): Response {
  return new Response('Not found', { status: 404 });
}
