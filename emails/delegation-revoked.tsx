import { Link, Text } from '@react-email/components';
import { EmailLayout, linkStyle, previewCaisse, type CaisseIdentity } from './layout';

export type DelegationRevokedProps = {
  caisse: CaisseIdentity;
  companyName: string;
  firmName: string;
  /** « Rénovation Rhénane Démo SAS (Lucas Weber) » */
  revokedBy: string;
  /** Was it still waiting for an answer (then it is withdrawn rather than ended)? */
  wasPending: boolean;
  url: string;
};

export const delegationRevokedSubject = (companyName: string, firmName: string) => `Délégation révoquée : ${companyName} – ${firmName}`;

/** To both sides when a delegation ends before its date: the firm loses access at once. */
export default function DelegationRevoked({
  caisse = previewCaisse,
  companyName = 'Rénovation Rhénane Démo SAS',
  firmName = 'Cabinet Comptable Lorrain Démo',
  revokedBy = 'Rénovation Rhénane Démo SAS (Lucas Weber)',
  wasPending = false,
  url = 'http://localhost:3000/espace',
}: Partial<DelegationRevokedProps>) {
  return (
    <EmailLayout caisse={caisse} preview={`La délégation de ${companyName} à ${firmName} a pris fin.`}>
      <Text>Bonjour,</Text>
      <Text>
        {wasPending
          ? `La délégation proposée entre ${companyName} et ${firmName} a été annulée par ${revokedBy} avant d’avoir pris effet.`
          : `La délégation des démarches de ${companyName} à ${firmName} a été révoquée par ${revokedBy}. Elle a pris fin immédiatement : le cabinet n’a plus accès à l’espace de l’entreprise.`}
      </Text>
      <Text>Une nouvelle délégation reste possible à tout moment depuis « Gérer les droits d’accès ».</Text>
      <Text>
        <Link href={url} style={linkStyle}>Ouvrir l’Espace sécurisé</Link>
      </Text>
    </EmailLayout>
  );
}
