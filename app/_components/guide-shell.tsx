import Link from 'next/link';
import { guides, guidesBasePath, type Guide } from '@/lib/site/guides';
import { Breadcrumb } from './breadcrumb';

/** Frame of every « Informations pratiques » guide: where it sits, its title, the other guides, where to get help. */
export function GuideShell({ guide, intro, children }: { guide: Guide; intro: React.ReactNode; children: React.ReactNode }) {
  const others = guides.filter((g) => g.slug !== guide.slug);
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumb
        items={[
          { label: 'Accueil', href: '/' },
          { label: 'Services en ligne', href: '/services-en-ligne' },
          { label: 'Informations pratiques', href: guidesBasePath },
          { label: guide.title },
        ]}
      />
      <article>
        <h1 className="text-3xl font-black text-brand-dark">{guide.title}</h1>
        <div className="mt-4 text-lg">{intro}</div>
        <div className="mt-8 flex flex-col gap-8">{children}</div>
      </article>
      <aside aria-labelledby="titre-aide-guide" className="mt-12 rounded-lg bg-brand-light p-6">
        <h2 id="titre-aide-guide" className="text-xl font-bold text-brand-dark">Besoin d’aide ?</h2>
        <p className="mt-2">
          Consultez les <Link className="font-semibold text-brand underline" href={`${guidesBasePath}#faq`}>questions fréquentes</Link>{' '}
          ou appelez <Link className="font-semibold text-brand underline" href="/nos-sites">le site qui gère votre département</Link>.
        </p>
      </aside>
      <nav aria-labelledby="titre-autres-guides" className="mt-8">
        <h2 id="titre-autres-guides" className="text-xl font-bold text-brand-dark">Autres guides</h2>
        <ul className="mt-2">
          {others.map((g) => (
            <li key={g.slug}>
              <Link href={`${guidesBasePath}/${g.slug}`} className="inline-flex min-h-11 items-center font-semibold text-brand underline">
                {g.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

/** One numbered step of a guide: a heading a reader can jump to, then its explanation. */
export function GuideStep({ id, number, title, children }: { id: string; number?: number; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex gap-4">
      {number !== undefined && (
        <span aria-hidden="true" className="grid h-11 w-11 shrink-0 place-items-center rounded-full bg-brand text-xl font-black text-white">
          {number}
        </span>
      )}
      <div className="min-w-0 flex-1">
        <h2 id={id} className="text-2xl font-bold text-brand-dark">
          {number !== undefined && <span className="sr-only">Étape {number} : </span>}
          {title}
        </h2>
        <div className="mt-3 flex flex-col gap-3 text-base leading-relaxed">{children}</div>
      </div>
    </section>
  );
}
