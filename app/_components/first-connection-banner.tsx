import Link from 'next/link';

/** The flyer's blue banner on the login page. */
export function FirstConnectionBanner() {
  return (
    <Link
      href="/premiere-connexion"
      className="block rounded-lg bg-brand px-6 py-5 text-white shadow hover:bg-brand-dark"
    >
      <span className="block text-lg">Première connexion à cet espace ?</span>
      <span className="block text-2xl font-black">Je crée mon espace sécurisé</span>
    </Link>
  );
}
