import type { Level } from '@/lib/access/rules';

/** The « payments » card of the dashboard: what needs doing in this area, with links. */
export async function PaymentsCard({ companyId, level }: { companyId: string; level: Level }) {
  void companyId;
  void level;
  return <p>Bientôt disponible.</p>;
}
