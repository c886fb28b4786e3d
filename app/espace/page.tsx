import type { Metadata } from 'next';
import { getDb } from '@/db';
import { requireSession } from '@/lib/auth/current';
import { formatSiret } from '@/lib/companies/siret';
import { getUserOrganisations } from '@/lib/companies/queries';
import { UserMenu } from './user-menu';

export const metadata: Metadata = { title: 'Tableau de bord' };

export default async function SpaceDashboard() {
  const session = await requireSession();
  const organisations = await getUserOrganisations(await getDb(), session.userId);
  const current = organisations[0];
  const fullName = `${session.firstName} ${session.lastName}`.trim() || session.email;
  return (
    <div className="flex flex-col gap-6">
      <UserMenu name={fullName} />
      <h1 className="text-3xl font-black text-brand-dark">{current ? current.name : 'Mon Espace sécurisé'}</h1>
      {current && (
        <p className="text-lg">
          SIRET <span className="font-semibold">{formatSiret(current.siret)}</span>
          {current.kind === 'accounting_firm' && ' · cabinet comptable / tiers-déclarant'}
        </p>
      )}
      <p>Bonjour {fullName}.</p>
    </div>
  );
}
