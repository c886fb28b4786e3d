import Link from 'next/link';
import { logoutAction } from './actions';

export function UserMenu({ name }: { name: string }) {
  return (
    <nav aria-label="Mon compte" className="flex flex-wrap items-center gap-2 rounded-lg bg-brand-light p-3">
      <p className="mr-auto font-semibold">
        <span className="sr-only">Connecté : </span>
        {name}
      </p>
      <Link href="/espace/compte" className="inline-flex min-h-11 items-center rounded px-3 text-brand-dark underline">
        Gérer mon compte utilisateur et les droits d’accès
      </Link>
      <form action={logoutAction}>
        <button type="submit" className="min-h-11 rounded-md border border-brand px-3 font-semibold text-brand-dark hover:bg-white">
          Se déconnecter
        </button>
      </form>
    </nav>
  );
}
