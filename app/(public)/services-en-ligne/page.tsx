import type { Metadata } from 'next';
import Link from 'next/link';
import { Breadcrumb } from '@/app/_components/breadcrumb';

export const metadata: Metadata = { title: 'Services en ligne' };

const services = [
  {
    href: '/connexion',
    title: 'Espace sécurisé entreprise',
    text: 'Déclarations, paiements, congés de vos salariés, attestations et dossier : connectez-vous avec votre adresse de courriel.',
  },
  {
    href: '/premiere-connexion',
    title: 'Première connexion : je crée mon espace',
    text: 'Munissez-vous des deux courriers reçus de la caisse et laissez-vous guider.',
  },
  {
    href: '/services-en-ligne/informations-pratiques',
    title: 'Informations pratiques',
    text: 'Les guides d’utilisation pas à pas et les réponses aux questions fréquentes.',
  },
  {
    href: '/verifier',
    title: 'Vérifier une attestation',
    text: 'Vous avez reçu une attestation de mise à jour ? Vérifiez qu’elle est authentique et valide, sans compte.',
  },
];

export default function OnlineServicesPage() {
  return (
    <div className="mx-auto max-w-4xl">
      <Breadcrumb items={[{ label: 'Accueil', href: '/' }, { label: 'Services en ligne' }]} />
      <h1 className="text-3xl font-black text-brand-dark">Services en ligne</h1>
      <p className="mt-4 text-lg">
        Vos démarches auprès de la caisse, sur PC/Mac, tablette ou portable : déclarations, paiements et planification des congés
        facilités, attestations de mise à jour authentifiables, dossier en ligne sécurisé.
      </p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {services.map((s) => (
          <li key={s.href} className="rounded-lg border border-slate-200 p-5 shadow-sm">
            <h2 className="text-xl font-bold">
              <Link href={s.href} className="inline-flex min-h-11 items-center text-brand underline">
                {s.title}
              </Link>
            </h2>
            <p className="mt-1 text-muted">{s.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
