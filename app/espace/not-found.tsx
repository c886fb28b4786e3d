import Link from 'next/link';

/** What a refused or unknown page of the space answers: the same as « does not exist », on purpose. */
export default function SpaceNotFound() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-black text-brand-dark">Page introuvable</h1>
      <p className="text-lg">Cette page n’existe pas, ou vous n’y avez pas accès avec votre compte.</p>
      <p>
        <Link href="/espace" className="font-semibold text-brand underline">Revenir au tableau de bord</Link>
      </p>
    </div>
  );
}
