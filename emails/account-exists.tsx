import { Link, Text } from '@react-email/components';
import { EmailLayout, linkStyle, previewCaisse, type CaisseIdentity } from './layout';

export type AccountExistsEmailProps = {
  caisse: CaisseIdentity;
  organisationName: string;
  appUrl: string;
};

export const accountExistsSubject = 'Votre demande de création d’Espace sécurisé';

/**
 * Sent instead of the confirmation link when the address typed in the wizard already belongs to an
 * account: only the owner of the mailbox learns that the account exists (the wizard shows the same
 * « Consultez votre messagerie » page either way).
 */
export default function AccountExistsEmail({
  caisse = previewCaisse,
  organisationName = 'Bâtiments de l’Est Démo SARL',
  appUrl = 'http://localhost:3000',
}: Partial<AccountExistsEmailProps>) {
  return (
    <EmailLayout caisse={caisse} preview="Un compte existe déjà avec cette adresse électronique.">
      <Text>Bonjour,</Text>
      <Text>
        Une demande de création de l’Espace sécurisé de <strong>{organisationName}</strong> vient d’être faite avec cette adresse
        électronique. Or un compte utilise déjà cette adresse : aucun nouvel espace n’a été créé et les courriers n’ont pas été utilisés.
      </Text>
      <Text>
        Si c’est votre compte, connectez-vous avec votre mot de passe habituel :{' '}
        <Link href={`${appUrl}/connexion`} style={linkStyle}>se connecter à l’Espace sécurisé</Link>. Mot de passe oublié ?{' '}
        <Link href={`${appUrl}/mot-de-passe-oublie`} style={linkStyle}>choisir un nouveau mot de passe</Link>.
      </Text>
      <Text>
        Pour créer l’espace de {organisationName}, recommencez la création avec une autre adresse électronique :{' '}
        <Link href={`${appUrl}/premiere-connexion`} style={linkStyle}>je crée mon espace sécurisé</Link>.
      </Text>
      <Text>Vous n’êtes pas à l’origine de cette demande ? Ignorez ce message : rien n’a été modifié.</Text>
    </EmailLayout>
  );
}
