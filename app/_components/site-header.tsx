import Link from 'next/link';
import { EntrepriseMenu } from './entreprise-menu';
import { NavLink } from './nav-link';

export const entrepriseMenuEntries = [
  { href: '/connexion', label: 'Espace sécurisé entreprise' },
  { href: '/premiere-connexion', label: 'Première connexion : je crée mon espace' },
  { href: '/services-en-ligne/informations-pratiques', label: 'Informations pratiques' },
  { href: '/verifier', label: 'Vérifier une attestation' },
  { href: '/nos-sites', label: 'Nos sites' },
];

export function SiteHeader({ caisseName }: { caisseName: string }) {
  return (
    <header className="border-b-4 border-brand bg-white">
      <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        Aller au contenu
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-3" aria-label={`${caisseName} — accueil`}>
          <span aria-hidden="true" className="grid h-11 w-11 place-items-center rounded-md bg-brand text-lg font-black text-white">
            CI
          </span>
          <span className="leading-tight">
            <span className="block text-lg font-bold text-brand-dark">{caisseName}</span>
            <span className="block text-sm text-muted">Congés payés du bâtiment et des travaux publics</span>
          </span>
        </Link>
        <Link
          href="/connexion"
          className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 py-2 font-bold uppercase tracking-wide text-ink shadow hover:brightness-95"
        >
          Services en ligne
        </Link>
      </div>
      <nav aria-label="Menu principal" className="border-t border-slate-100 bg-white">
        <ul className="mx-auto flex max-w-6xl flex-wrap items-center gap-1 px-2 py-1">
          <li>
            <EntrepriseMenu entries={entrepriseMenuEntries} />
          </li>
          <li>
            <NavLink href="/services-en-ligne/informations-pratiques">Informations pratiques</NavLink>
          </li>
          <li>
            <NavLink href="/nos-sites">Nos sites</NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
