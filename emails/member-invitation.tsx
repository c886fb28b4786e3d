import { Button, Text } from '@react-email/components';
import { EmailLayout, previewCaisse, type CaisseIdentity } from './layout';

export type MemberInvitationProps = {
  caisse: CaisseIdentity;
  organisationName: string;
  inviterName: string;
  roleLabel: string;
  rights: string[];
  acceptUrl: string;
  expiresOn: string;
};

export const memberInvitationSubject = (organisationName: string) => `Invitation à l’Espace sécurisé de ${organisationName}`;

/** To the person an administrator invites: a single-use link, valid 7 days. */
export default function MemberInvitation({
  caisse = previewCaisse,
  organisationName = 'Rénovation Rhénane Démo SAS',
  inviterName = 'Lucas Weber',
  roleLabel = 'collaborateur',
  rights = ['Déclarations : saisie', 'Congés : consultation'],
  acceptUrl = 'http://localhost:3000/invitation/exemple',
  expiresOn = '4 décembre 2026',
}: Partial<MemberInvitationProps>) {
  return (
    <EmailLayout caisse={caisse} preview={`${inviterName} vous invite dans l’Espace sécurisé de ${organisationName}.`}>
      <Text>Bonjour,</Text>
      <Text>
        {inviterName} vous invite à rejoindre l’Espace sécurisé de <strong>{organisationName}</strong> en tant que {roleLabel}.
      </Text>
      {rights.length > 0 && (
        <Text>
          Vos droits :<br />
          {rights.map((r) => (
            <span key={r}>
              • {r}
              <br />
            </span>
          ))}
        </Text>
      )}
      <Button href={acceptUrl} style={{ backgroundColor: '#0b4f9c', color: '#ffffff', padding: '12px 20px', borderRadius: 6, fontWeight: 700 }}>
        Accepter l’invitation
      </Button>
      <Text>
        Ce lien ne sert qu’une fois et expire le {expiresOn}. Si vous avez déjà un compte dans l’Espace sécurisé, il vous suffira de vous
        identifier pour le rattacher ; sinon vous choisirez votre mot de passe.
      </Text>
      <Text>Vous ne connaissez pas cette entreprise ? Ignorez ce message : rien ne sera fait sans vous.</Text>
    </EmailLayout>
  );
}
