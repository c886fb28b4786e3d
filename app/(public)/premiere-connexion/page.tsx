import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Je crée mon espace sécurisé' };

// Entry of the account-creation wizard (issue « First connection »): the route exists so that the
// banner and menus link to it; the steps land with that issue.
export default function FirstConnectionPage() {
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-black text-brand-dark">Je crée mon espace sécurisé</h1>
      <p className="mt-4 text-lg">Quelques étapes simples pour la création de votre Espace sécurisé.</p>
      <ol className="mt-4 list-decimal space-y-2 pl-6">
        <li>Munissez-vous des deux courriers que vous avez reçus : ils contiennent l’identifiant et le code confidentiel provisoires.</li>
        <li>Laissez-vous guider : numéro SIRET, identifiant et code confidentiel, puis votre adresse électronique et votre nouveau mot de passe.</li>
        <li>Cliquez sur le lien reçu par courriel pour confirmer la création de votre espace.</li>
      </ol>
      <p className="mt-6 rounded bg-amber-50 p-4">
        La création en ligne ouvre très prochainement. Vous n’avez pas reçu vos courriers ? Consultez{' '}
        <Link className="text-brand underline" href="/nos-sites">le site qui gère votre département</Link>.
      </p>
    </div>
  );
}
