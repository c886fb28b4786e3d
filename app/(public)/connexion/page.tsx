import type { Metadata } from 'next';
import Link from 'next/link';
import { FirstConnectionBanner } from '../../_components/first-connection-banner';

export const metadata: Metadata = { title: 'Connexion à l’Espace sécurisé' };

export default function LoginPage() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-8">
      <h1 className="text-3xl font-black text-brand-dark">Connexion à l’Espace sécurisé</h1>
      <FirstConnectionBanner />
      <section aria-labelledby="titre-deja" className="rounded-lg border border-slate-200 p-6">
        <h2 id="titre-deja" className="text-xl font-bold">Vous avez déjà votre espace</h2>
        <form className="mt-4 flex flex-col gap-4" aria-describedby="connexion-bientot">
          <div className="flex flex-col gap-1">
            <label htmlFor="email" className="font-semibold">Adresse électronique</label>
            <input id="email" name="email" type="email" autoComplete="username" required className="min-h-11 rounded border border-slate-400 px-3" />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="password" className="font-semibold">Mot de passe</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required className="min-h-11 rounded border border-slate-400 px-3" />
          </div>
          <p id="connexion-bientot" className="rounded bg-amber-50 p-3 text-sm">
            La connexion par mot de passe ouvre avec la mise en service de l’espace ; en attendant, créez votre espace avec vos deux courriers.
          </p>
          <button type="submit" disabled className="min-h-11 rounded-md bg-slate-300 px-4 font-bold text-slate-700">
            Se connecter
          </button>
          <Link href="/services-en-ligne/informations-pratiques#faq" className="text-brand underline">
            Mot de passe oublié ?
          </Link>
        </form>
      </section>
    </div>
  );
}
