import type { Metadata } from 'next';
import Link from 'next/link';
import { getActingContext } from '@/lib/access/context';
import { requireSession } from '@/lib/auth/current';
import { formatSiret } from '@/lib/companies/siret';
import { SpaceOverview } from './space-overview';
import { UserMenu } from './user-menu';

export const metadata: Metadata = { title: 'Tableau de bord' };

export default async function SpaceDashboard({ searchParams }: { searchParams: Promise<{ 'codes-de-secours'?: string }> }) {
  const session = await requireSession();
  // Set after a sign-in with a recovery code: say how many are left, and where to get new ones.
  const codesLeft = (await searchParams)['codes-de-secours'];
  // Which company is shown (own, or the client a firm acts for) and what the user may do there: lib/access.
  const ctx = await getActingContext();
  const shown = ctx?.company ?? ctx?.home ?? null;
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
