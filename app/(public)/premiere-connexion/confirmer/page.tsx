import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { getConfirmation } from '@/lib/onboarding/wizard';
import { ConfirmForm } from './confirm-form';

// The token is in the address: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: 'Confirmer la création de mon espace', referrer: 'no-referrer', robots: { index: false } };

function Restart() {
  return (
    <p>
      <Link className="font-semibold text-brand-dark underline" href="/premiere-connexion">
        Recommencer la création de mon espace
      </Link>
    </p>
  );
}

/**
 * The emailed link lands here. Opening it changes nothing (mail scanners open links): the space is
 * created by the button, a POST.
 */
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  const view = await getConfirmation(await getDb(), token);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-5">
      {view.status === 'valid' && (
        <>
          <h1 className="text-2xl font-black text-brand-dark sm:text-3xl">Confirmer la création de mon espace</h1>
          <p>
            Espace sécurisé de <strong>{view.organisationName}</strong>, avec l’adresse électronique{' '}
            <strong className="break-all">{view.email}</strong> comme identifiant.
          </p>
          <p>En confirmant, vos deux courriers seront utilisés et ne pourront plus servir.</p>
          <ConfirmForm token={token} />
        </>
      )}
      {view.status === 'used' && (
        <>
          <h1 className="text-2xl font-black text-brand-dark sm:text-3xl">Ce lien a déjà été utilisé</h1>
          <p>
            Chaque lien ne sert qu’une fois, et un nouveau courriel remplace le lien du précédent. Si vous avez déjà confirmé, votre espace
            est créé : connectez-vous avec votre adresse électronique et votre mot de passe.
          </p>
          <p>
            <Link className="font-semibold text-brand-dark underline" href="/connexion">
              Se connecter
            </Link>
          </p>
          <p>Sinon, utilisez le lien du courriel le plus récent, ou recommencez :</p>
          <Restart />
        </>
      )}
      {view.status === 'expired' && (
        <>
          <h1 className="text-2xl font-black text-brand-dark sm:text-3xl">Ce lien a expiré</h1>
          <p>
            Le lien de confirmation est valable 24 heures. Recommencez la création de votre espace : vos courriers restent valables tant qu’ils
            n’ont pas servi et qu’ils ne sont pas expirés.
          </p>
          <Restart />
        </>
      )}
      {view.status === 'unavailable' && (
        <>
          <h1 className="text-2xl font-black text-brand-dark sm:text-3xl">Cet espace a déjà été créé</h1>
          <p>
            L’espace sécurisé de cette entreprise a été créé entre-temps, avec une autre demande. Connectez-vous, ou demandez à la personne
            qui l’a créé de vous donner accès.
          </p>
          <p>
            <Link className="font-semibold text-brand-dark underline" href="/connexion">
              Se connecter
            </Link>
          </p>
        </>
      )}
      {view.status === 'unknown' && (
        <>
          <h1 className="text-2xl font-black text-brand-dark sm:text-3xl">Ce lien n’est pas valide</h1>
          <p>Vérifiez que vous avez ouvert le lien complet du courriel (sans espace ni coupure), ou recommencez :</p>
          <Restart />
        </>
      )}
    </div>
  );
}
