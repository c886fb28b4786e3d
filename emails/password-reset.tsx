import { Link, Text } from '@react-email/components';
import { EmailLayout, linkStyle, previewCaisse, type CaisseIdentity } from './layout';

export type PasswordResetEmailProps = { caisse: CaisseIdentity; resetUrl: string; firstName: string };

export const passwordResetSubject = 'Réinitialisation de votre mot de passe';

/** « Mot de passe oublié ? »: the single-use link, valid one hour. */
export default function PasswordResetEmail({
  caisse = previewCaisse,
  resetUrl = 'http://localhost:3000/mot-de-passe-oublie/nouveau?jeton=exemple',
  firstName = 'Lucas',
}: Partial<PasswordResetEmailProps>) {
  return (
    <EmailLayout caisse={caisse} preview="Choisissez un nouveau mot de passe pour votre Espace sécurisé.">
      <Text>Bonjour{firstName ? ` ${firstName}` : ''},</Text>
      <Text>Vous avez demandé à réinitialiser le mot de passe de votre Espace sécurisé. Pour en choisir un nouveau, ouvrez ce lien :</Text>
      <Text>
        <Link href={resetUrl} style={linkStyle}>Choisir un nouveau mot de passe</Link>
      </Text>
      <Text>Le lien est valable une heure et ne sert qu’une fois. Une fois le mot de passe changé, toutes vos sessions ouvertes sont fermées.</Text>
      <Text>Vous n’êtes pas à l’origine de cette demande ? Ignorez ce message : votre mot de passe actuel reste valable.</Text>
    </EmailLayout>
  );
}
