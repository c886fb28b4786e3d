import { getCurrentSession } from '@/lib/auth/current';
import { workerCsvModel } from '@/lib/workers/csv';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The model file of the workers' import (no data of anyone's: signed-in users only, like the rest of the space). */
export async function GET() {
  const session = await getCurrentSession();
  if (!session) return new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  return new Response(workerCsvModel(), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="modele-salaries.csv"',
      'cache-control': 'no-store',
    },
  });
}
