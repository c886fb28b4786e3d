import type { Metadata } from 'next';
import { FirstConnectionBanner } from '../../_components/first-connection-banner';
import { FormMessage } from '../../_components/form-controls';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Connexion à l’Espace sécurisé' };

// Where other steps send people back to the login page, and what to tell them.
const notices: Record<string, string> = {
  'mot-de-passe-modifie': 'Votre mot de passe a été modifié et toutes vos sessions ont été fermées. Connectez-vous avec votre nouveau mot de passe.',
  'adresse-modifiee': 'Votre nouvelle adresse électronique est confirmée : c’est désormais votre identifiant de connexion.',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ etat?: string }> }) {
  const { etat } = await searchParams;
  const notice = etat ? notices[etat] : undefined;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-8">
      <h1 className="text-3xl font-black text-brand-dark">Connexion à l’Espace sécurisé</h1>
      {notice && <FormMessage ok message={notice} />}
      <FirstConnectionBanner />
      <section aria-labelledby="titre-deja" className="rounded-lg border border-slate-200 p-6">
        <h2 id="titre-deja" className="text-xl font-bold">Vous avez déjà votre espace</h2>
        <LoginForm />
      </section>
    </div>
  );
}
