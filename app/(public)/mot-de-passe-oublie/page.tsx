import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetRequestForm } from './request-form';

export const metadata: Metadata = { title: 'Mot de passe oublié' };

export default function ForgottenPasswordPage() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-3xl font-black text-brand-dark">Mot de passe oublié ?</h1>
      <p>
        Indiquez l’adresse électronique de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe. Pour votre sécurité, toutes
        vos sessions ouvertes seront ensuite fermées.
      </p>
      <section aria-labelledby="titre-demande" className="rounded-lg border border-slate-200 p-6">
        <h2 id="titre-demande" className="mb-4 text-xl font-bold">Recevoir un lien par courriel</h2>
        <ResetRequestForm />
      </section>
      <p>
        <Link href="/connexion" className="text-brand underline">Retour à la connexion</Link>
      </p>
    </div>
  );
}
