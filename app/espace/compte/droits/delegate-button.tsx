import Link from 'next/link';

/** The flyer's button, word for word. */
export function DelegateButton() {
  return (
    <Link
      href="/espace/compte/droits/deleguer"
      className="inline-flex min-h-11 items-center rounded-md bg-accent px-5 py-3 text-lg font-bold text-ink shadow hover:brightness-95"
    >
      Déléguez à mon cabinet comptable
    </Link>
  );
}

/** Companies whose former space showed a delegation: it did not carry over and must be renewed. */
export function LegacyDelegationBanner() {
  return (
    <section aria-labelledby="titre-ancienne-delegation" className="rounded-lg border-l-8 border-accent bg-amber-50 p-5">
      <h2 id="titre-ancienne-delegation" className="text-xl font-bold text-brand-dark">
        Votre délégation à un cabinet comptable doit être renouvelée
      </h2>
      <p className="mt-2">
        Dans l’ancien Espace sécurisé, vous aviez confié vos démarches CIBTP à un cabinet comptable. Cette habilitation n’est plus valable
        dans le nouvel Espace sécurisé : tant que vous ne l’avez pas renouvelée, votre cabinet ne peut plus agir pour vous.
      </p>
      <div className="mt-4">
        <DelegateButton />
      </div>
    </section>
  );
}
