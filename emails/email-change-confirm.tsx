import { Link, Text } from '@react-email/components';
import { EmailLayout, linkStyle, previewCaisse, type CaisseIdentity } from './layout';

export type EmailChangeConfirmEmailProps = { caisse: CaisseIdentity; confirmUrl: string; firstName: string };

export const emailChangeConfirmSubject = 'Confirmez votre nouvelle adresse électronique';

/** Sent to the new address: the change happens only when its owner opens the link. */
export default function EmailChangeConfirmEmail({
  caisse = previewCaisse,
  confirmUrl = 'http://localhost:3000/changement-adresse?jeton=exemple',
  firstName = 'Lucas',
}: Partial<EmailChangeConfirmEmailProps>) {
  return (
    <EmailLayout caisse={caisse} preview="Confirmez la nouvelle adresse de connexion à votre Espace sécurisé.">
      <Text>Bonjour{firstName ? ` ${firstName}` : ''},</Text>
      <Text>
        Vous avez demandé que cette adresse devienne votre identifiant de connexion à l’Espace sécurisé. Pour confirmer, ouvrez ce lien :
      </Text>
      <Text>
        <Link href={confirmUrl} style={linkStyle}>Confirmer ma nouvelle adresse</Link>
      </Text>
      <Text>Le lien est valable 24 heures et ne sert qu’une fois. Tant que vous ne l’ouvrez pas, l’ancienne adresse reste votre identifiant.</Text>
      <Text>Vous n’êtes pas à l’origine de cette demande ? Ignorez ce message.</Text>
    </EmailLayout>
  );
}
