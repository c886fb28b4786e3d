import Link from 'next/link';
import { getDb } from '@/db';
import { formatDayLong, addDaysToDay } from '@/lib/format';
import { getSpaceClosureNow } from '@/lib/site/closure';
import { getCaisse } from '@/lib/site/queries';
import { SiteFooter } from '../_components/site-footer';
import { SiteHeader } from '../_components/site-header';
import { ActingBanner } from './acting-banner';

export const dynamic = 'force-dynamic';

/** Every page of the secure space goes through here: while a closure is in force, nothing else renders. */
export default async function SpaceLayout({ children }: { children: React.ReactNode }) {
  const [caisse, closed] = await Promise.all([getDb().then(getCaisse), getSpaceClosureNow()]);
  return (
    <>
      <SiteHeader caisseName={caisse.name} />
      <main id="contenu" className="mx-auto max-w-6xl px-4 py-8">
        {closed ? (
          <section aria-labelledby="titre-fermeture" className="mx-auto max-w-2xl rounded-lg border-l-8 border-accent bg-amber-50 p-6">
            <h1 id="titre-fermeture" className="text-2xl font-black text-brand-dark">L’Espace sécurisé est fermé</h1>
            <p className="mt-3 text-lg">{closed.closure.label}.</p>
            <p className="mt-3 text-lg">
              Réouverture le{' '}
              <strong>{formatDayLong(closed.reopensOn ?? (closed.closure.endsOn ? addDaysToDay(closed.closure.endsOn, 1) : addDaysToDay(closed.closure.startsOn, 1)))}</strong>.
            </p>
            <p className="mt-3">
              Le site de la caisse et la <Link className="text-brand underline" href="/verifier">vérification des attestations</Link> restent
              accessibles. Une question urgente ? <Link className="text-brand underline" href="/nos-sites">Contactez votre site</Link>.
            </p>
          </section>
        ) : (
          <>
            <ActingBanner />
            {children}
          </>
        )}
      </main>
      <SiteFooter caisse={caisse} />
    </>
  );
}
