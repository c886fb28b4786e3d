import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireSession } from '@/lib/auth/current';
import { formatSiret } from '@/lib/companies/siret';
import { getUserOrganisations } from '@/lib/companies/queries';
import { UserMenu } from './user-menu';

export const metadata: Metadata = { title: 'Tableau de bord' };

export default async function SpaceDashboard({ searchParams }: { searchParams: Promise<{ 'codes-de-secours'?: string }> }) {
  const session = await requireSession();
  // Set after a sign-in with a recovery code: say how many are left, and where to get new ones.
  const codesLeft = (await searchParams)['codes-de-secours'];
  const organisations = await getUserOrganisations(await getDb(), session.userId);
  const current = organisations[0];
  const fullName = `${session.firstName} ${session.lastName}`.trim() || session.email;
  return (
    <div className="flex flex-col gap-6">
      <UserMenu name={fullName} />
      {codesLeft !== undefined && /^\d+$/.test(codesLeft) && (
        <p role="status" className="rounded border-l-4 border-accent bg-amber-50 p-3">
          Vous vous êtes connecté avec un code de secours. Il vous en reste {codesLeft}. Vous pouvez en créer de nouveaux dans{' '}
          <Link href="/espace/compte" className="text-brand-dark underline">votre compte</Link>.
        </p>
      )}
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
