// The « Informations pratiques » guides: one page each under /services-en-ligne/informations-pratiques.
// Listed here once so the hub, each guide's « Autres guides » and the e2e tests agree (pure data).

export type Guide = { slug: string; title: string; summary: string };

export const guides: Guide[] = [
  {
    slug: 'premiere-connexion',
    title: 'Première connexion : créer votre Espace sécurisé',
    summary: 'Avec vos deux courriers, votre numéro SIRET et une adresse de courriel : les étapes une par une.',
  },
  {
    slug: 'deleguer-cabinet-comptable',
    title: 'Déléguer à votre cabinet comptable',
    summary: 'L’ancienne habilitation de votre cabinet n’est plus valable : renouvelez-la en trois clics.',
  },
  {
    slug: 'enregistrer-conges',
    title: 'Enregistrer les congés de vos salariés',
    summary: 'Saisir les dates avant la date limite pour que la caisse paie l’indemnité de congés à vos salariés.',
  },
  {
    slug: 'attestation-mise-a-jour',
    title: 'Télécharger et faire vérifier une attestation de mise à jour',
    summary: 'L’attestation à fournir aux acheteurs publics et aux entreprises principales, vérifiable par son QR code.',
  },
];

export const guidesBasePath = '/services-en-ligne/informations-pratiques';

export function getGuide(slug: string): Guide {
  const guide = guides.find((g) => g.slug === slug);
  if (!guide) throw new Error(`Unknown guide: ${slug}`);
  return guide;
}
