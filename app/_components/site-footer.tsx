import Link from 'next/link';

type FooterCaisse = { name: string; addressLine: string; postcode: string; city: string; phone: string };

export function SiteFooter({ caisse }: { caisse: FooterCaisse }) {
  return (
    <footer className="mt-16 bg-brand-dark text-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:grid-cols-2">
        <div>
          <p className="font-bold">{caisse.name}</p>
          <p>
            {caisse.addressLine}, {caisse.postcode} {caisse.city}
          </p>
          <p>
            Téléphone : <a className="inline-flex min-h-11 items-center underline" href={`tel:${caisse.phone.replace(/\s/g, '')}`}>{caisse.phone}</a>
          </p>
        </div>
        <ul className="flex flex-col sm:items-end">
          <li><Link className="inline-flex min-h-11 items-center underline" href="/nos-sites">Nos sites</Link></li>
          <li><Link className="inline-flex min-h-11 items-center underline" href="/services-en-ligne/informations-pratiques">Informations pratiques</Link></li>
          <li><Link className="inline-flex min-h-11 items-center underline" href="/accessibilite">Accessibilité : partiellement conforme</Link></li>
          <li><Link className="inline-flex min-h-11 items-center underline" href="/mentions-legales">Mentions légales</Link></li>
        </ul>
      </div>
    </footer>
  );
}
