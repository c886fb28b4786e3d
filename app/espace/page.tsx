import type { Metadata } from 'next';
import { getActingContext } from '@/lib/access/context';
import { requireSession } from '@/lib/auth/current';
import { formatSiret } from '@/lib/companies/siret';
import { SpaceOverview } from './space-overview';
import { UserMenu } from './user-menu';

export const metadata: Metadata = { title: 'Tableau de bord' };

export default async function SpaceDashboard() {
  const session = await requireSession();
  // Which company is shown (own, or the client a firm acts for) and what the user may do there: lib/access.
  const ctx = await getActingContext();
  const shown = ctx?.company ?? ctx?.home ?? null;
  const fullName = `${session.firstName} ${session.lastName}`.trim() || session.email;
  return (
    <div className="flex flex-col gap-6">
      <UserMenu name={fullName} />
      <h1 className="text-3xl font-black text-brand-dark">{shown ? shown.name : 'Mon Espace sécurisé'}</h1>
      {shown && (
        <p className="text-lg">
          SIRET <span className="font-semibold">{formatSiret(shown.siret)}</span>
          {!ctx?.company && ctx?.home.kind === 'accounting_firm' && ' · cabinet comptable / tiers-déclarant'}
        </p>
      )}
      <p>Bonjour {fullName}.</p>
      {ctx && <SpaceOverview ctx={ctx} />}
    </div>
  );
}
