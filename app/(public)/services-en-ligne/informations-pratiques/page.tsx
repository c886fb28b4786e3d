import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import { guides, guidesBasePath } from '@/lib/site/guides';
import { getCaisse } from '@/lib/site/queries';

export const metadata: Metadata = { title: 'Informations pratiques' };

const linkClass = 'font-semibold text-brand underline';

export default async function PracticalInformationPage() {
  const caisse = await getCaisse(await getDb());
  const faq: { id: string; question: string; answer: React.ReactNode }[] = [
    {
      id: 'faq-courrier-perdu',
      question: 'J’ai perdu un des deux courriers, ou je ne les ai pas reçus',
      answer: (
        <>
          <p>
            Appelez <Link className={linkClass} href="/nos-sites">le site qui gère votre département</Link>. Il vous envoie deux nouveaux
            courriers par la poste, à l’adresse de votre entreprise. Les anciens ne fonctionnent plus dès que les nouveaux sont émis :
            utilisez uniquement les derniers reçus.
          </p>
          <p>Par sécurité, l’identifiant et le code ne sont jamais communiqués par téléphone ni par courriel.</p>
        </>
      ),
    },
    {
      id: 'faq-code-expire',
      question: 'Mon code confidentiel a expiré ou il est bloqué',
      answer: (
        <>
          <p>
            Le code confidentiel provisoire n’est valable qu’un temps limité, et il se bloque après plusieurs saisies erronées. Dans les
            deux cas, demandez de nouveaux courriers à <Link className={linkClass} href="/nos-sites">votre site</Link>.
          </p>
          <p>Avant d’appeler, vérifiez que vous utilisez bien les deux courriers les plus récents et recopiez le code tirets compris.</p>
        </>
      ),
    },
    {
      id: 'faq-mot-de-passe',
      question: 'J’ai oublié mon mot de passe',
      answer: (
        <p>
          Sur la <Link className={linkClass} href="/connexion">page de connexion</Link>, cliquez sur « Mot de passe oublié ? » et indiquez
          l’adresse de courriel de votre espace. Vous recevez un lien pour choisir un nouveau mot de passe. Rien reçu ? Regardez dans les
          courriers indésirables. Vous n’avez plus accès à cette adresse ? Appelez votre site.
        </p>
      ),
    },
    {
      id: 'faq-personne-partie',
      question: 'La personne qui gérait l’espace a quitté l’entreprise',
      answer: (
        <p>
          Si un autre utilisateur de l’entreprise a accès à l’espace, il peut gérer les comptes dans « Gérer mon compte utilisateur et les
          droits d’accès ». Sinon, appelez votre site : il vous aidera à reprendre la main sur votre espace.
        </p>
      ),
    },
    {
      id: 'faq-qui-appeler',
      question: 'Qui appeler ?',
      answer: (
        <>
          <p>
            Le site de la caisse qui gère votre département : vous trouverez son adresse, son téléphone et ses horaires sur la page{' '}
            <Link className={linkClass} href="/nos-sites">Nos sites</Link>.
          </p>
          <p>
            Standard de {caisse.name} :{' '}
            <a className={linkClass} href={`tel:${caisse.phone.replace(/\s/g, '')}`}>
              {caisse.phone}
            </a>
            .
          </p>
        </>
      ),
    },
  ];

  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumb items={[{ label: 'Accueil', href: '/' }, { label: 'Services en ligne', href: '/services-en-ligne' }, { label: 'Informations pratiques' }]} />
      <h1 className="text-3xl font-black text-brand-dark">Informations pratiques</h1>
      <p className="mt-4 text-lg">Les guides d’utilisation de l’Espace sécurisé, étape par étape, et les réponses aux questions fréquentes.</p>

      <section aria-labelledby="titre-guides" className="mt-10">
        <h2 id="titre-guides" className="text-2xl font-bold text-brand-dark">Guides d’utilisation</h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2">
          {guides.map((g) => (
            <li key={g.slug} className="rounded-lg border border-slate-200 p-5 shadow-sm">
              <h3 className="text-lg font-bold">
                <Link href={`${guidesBasePath}/${g.slug}`} className="inline-flex min-h-11 items-center text-brand underline">
                  {g.title}
                </Link>
              </h3>
              <p className="mt-1 text-muted">{g.summary}</p>
            </li>
          ))}
        </ul>
      </section>

      <section id="faq" aria-labelledby="titre-faq" className="mt-12 scroll-mt-4">
        <h2 id="titre-faq" className="text-2xl font-bold text-brand-dark">Questions fréquentes</h2>
        <div className="mt-4 flex flex-col gap-3">
          {faq.map((entry) => (
            <details key={entry.id} id={entry.id} className="group rounded-lg border border-slate-200 bg-white">
              <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-3 rounded-lg px-4 py-3 text-lg font-semibold text-brand-dark hover:bg-brand-light [&::-webkit-details-marker]:hidden">
                {entry.question}
                <span aria-hidden="true" className="shrink-0 transition-transform group-open:rotate-180">
                  ▾
                </span>
              </summary>
              <div className="flex flex-col gap-2 px-4 pb-4">{entry.answer}</div>
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}
