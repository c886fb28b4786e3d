import { getDb } from '@/db';
import { getCaisse } from '@/lib/site/queries';
import { SiteFooter } from '../_components/site-footer';
import { SiteHeader } from '../_components/site-header';

// Every page reads reference data per request (key dates change; nothing is frozen at build time).
export const dynamic = 'force-dynamic';

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const caisse = await getCaisse(await getDb());
  return (
    <>
      <SiteHeader caisseName={caisse.name} />
      <main id="contenu" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <SiteFooter caisse={caisse} />
    </>
  );
}
