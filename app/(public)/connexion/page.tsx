import type { Metadata } from 'next';
import { FirstConnectionBanner } from '../../_components/first-connection-banner';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Connexion à l’Espace sécurisé' };

export default function LoginPage() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-8">
      <h1 className="text-3xl font-black text-brand-dark">Connexion à l’Espace sécurisé</h1>
      <FirstConnectionBanner />
      <section aria-labelledby="titre-deja" className="rounded-lg border border-slate-200 p-6">
        <h2 id="titre-deja" className="text-xl font-bold">Vous avez déjà votre espace</h2>
        <LoginForm />
      </section>
    </div>
  );
}
