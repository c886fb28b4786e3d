import { Link, Text } from '@react-email/components';
import { EmailLayout, linkStyle, previewCaisse, type CaisseIdentity } from './layout';

export type PasswordChangedEmailProps = { caisse: CaisseIdentity; appUrl: string; firstName: string; when: string; how: 'reset' | 'change' };

export const passwordChangedSubject = 'Votre mot de passe a été modifié';

/** Sent after a change or a reset, so that an owner who did not do it knows at once. */
export default function PasswordChangedEmail({
  caisse = previewCaisse,
  appUrl = 'http://localhost:3000',
  firstName = 'Lucas',
  when = '27/11/2026 à 11:42',
  how = 'change',
}: Partial<PasswordChangedEmailProps>) {
  return (
    <EmailLayout caisse={caisse} preview="Le mot de passe de votre Espace sécurisé vient d’être modifié.">
      <Text>Bonjour{firstName ? ` ${firstName}` : ''},</Text>
      <Text>
        Le mot de passe de votre Espace sécurisé a été {how === 'reset' ? 'réinitialisé' : 'modifié'} le {when}.{' '}
        {how === 'reset' ? 'Toutes vos sessions ont été fermées.' : 'Vos autres sessions ont été fermées.'}
      </Text>
      <Text>
        Ce n’est pas vous ? Choisissez sans attendre un nouveau mot de passe avec{' '}
        <Link href={`${appUrl}/mot-de-passe-oublie`} style={linkStyle}>Mot de passe oublié ?</Link> et prévenez votre caisse.
      </Text>
    </EmailLayout>
  );
}
