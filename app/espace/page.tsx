import type { Metadata } from 'next';
import Link from 'next/link';
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
      {current?.kind === 'company' && (
        <nav aria-label="Services de l’entreprise">
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <li>
              <Link href="/espace/attestations" className="flex min-h-11 flex-col rounded-lg border-2 border-brand-light p-4 hover:border-brand">
                <span className="text-lg font-bold text-brand-dark">Attestations</span>
                <span className="text-muted">Attestations de mise à jour authentifiables</span>
              </Link>
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}
