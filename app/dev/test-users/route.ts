import { z } from 'zod';
import { getDb } from '@/db';
import { createTestUser } from '@/lib/dev/test-users';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({
  email: z.email().optional(),
  password: z.string().min(12).optional(),
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  isCaisseStaff: z.boolean().optional(),
  organisationSiret: z.string().regex(/^\d{14}$/).nullable().optional(),
});

/** e2e seeding helper: creates an account for one test. Exists only under APP_ENV=test (404 otherwise). */
export async function POST(req: Request) {
  if (getEnv().appEnv !== 'test') return new Response('Not found', { status: 404 });
  const parsed = bodySchema.safeParse(await req.json().catch(() => ({})));
  if (!parsed.success) return Response.json({ error: parsed.error.issues }, { status: 400 });
  const user = await createTestUser(await getDb(), parsed.data);
  return Response.json(user, { status: 201 });
}
