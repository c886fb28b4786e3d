import { Link, Text } from '@react-email/components';
import { EmailLayout, linkStyle, previewCaisse, type CaisseIdentity } from './layout';

export type TestEmailProps = { caisse: CaisseIdentity; appUrl: string };

export const testEmailSubject = 'Message de test de l’Espace sécurisé';

/** Sent by `npm run caisse -- test-email` and the dev mailbox's button: proves delivery end to end. */
export default function TestEmail({ caisse = previewCaisse, appUrl = 'http://localhost:3000' }: Partial<TestEmailProps>) {
  return (
    <EmailLayout caisse={caisse} preview="Votre messagerie reçoit bien nos courriels.">
      <Text>Bonjour,</Text>
      <Text>Ce message de test confirme que l’Espace sécurisé peut vous écrire.</Text>
      <Text>
        <Link href={`${appUrl}/connexion`} style={linkStyle}>Se connecter à l’Espace sécurisé</Link>
      </Text>
    </EmailLayout>
  );
}
