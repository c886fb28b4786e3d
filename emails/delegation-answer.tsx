import { Link, Text } from '@react-email/components';
import { EmailLayout, linkStyle, previewCaisse, type CaisseIdentity } from './layout';

export type DelegationAnswerProps = {
  caisse: CaisseIdentity;
  accepted: boolean;
  /** Who answered (the firm for an offer, the company for a request). */
  answeredBy: string;
  companyName: string;
  areas: string[];
  endsOn: string | null;
  url: string;
};

export const delegationAnswerSubject = (accepted: boolean, answeredBy: string) =>
  accepted ? `Délégation acceptée par ${answeredBy}` : `Délégation refusée par ${answeredBy}`;

/** To the side that proposed the delegation, once the other side answered. */
export default function DelegationAnswer({
  caisse = previewCaisse,
  accepted = true,
  answeredBy = 'Cabinet Comptable Lorrain Démo',
  companyName = 'Rénovation Rhénane Démo SAS',
  areas = ['Déclarations : saisie'],
  endsOn = null,
  url = 'http://localhost:3000/espace/compte/droits',
}: Partial<DelegationAnswerProps>) {
  return (
    <EmailLayout caisse={caisse} preview={delegationAnswerSubject(accepted, answeredBy)}>
      <Text>Bonjour,</Text>
      {accepted ? (
        <Text>
          {answeredBy} a accepté la délégation des démarches de <strong>{companyName}</strong>. Elle est active dès maintenant
          {endsOn ? `, jusqu’au ${endsOn} inclus` : ''} :
        </Text>
      ) : (
        <Text>
          {answeredBy} a refusé la délégation des démarches de <strong>{companyName}</strong>. Aucun accès n’a été ouvert.
        </Text>
      )}
      {accepted && (
        <Text>
          {areas.map((a) => (
            <span key={a}>
              • {a}
              <br />
            </span>
          ))}
        </Text>
      )}
      <Text>
        <Link href={url} style={linkStyle}>Ouvrir l’Espace sécurisé</Link>
      </Text>
    </EmailLayout>
  );
}
