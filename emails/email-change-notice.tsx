import { Link, Text } from '@react-email/components';
import { EmailLayout, linkStyle, previewCaisse, type CaisseIdentity } from './layout';

export type EmailChangeNoticeEmailProps = {
  caisse: CaisseIdentity;
  appUrl: string;
  firstName: string;
  newEmail: string;
  when: string;
  stage: 'requested' | 'confirmed';
};

export const emailChangeNoticeSubject = {
  requested: 'Demande de changement de votre adresse de connexion',
  confirmed: 'Votre adresse de connexion a été changée',
} as const;

/** Sent to the old address, when the change is asked for and when it is done. */
export default function EmailChangeNoticeEmail({
  caisse = previewCaisse,
  appUrl = 'http://localhost:3000',
  firstName = 'Lucas',
  newEmail = 'nouvelle.adresse@exemple.fr',
  when = '27/11/2026 à 11:42',
  stage = 'requested',
}: Partial<EmailChangeNoticeEmailProps>) {
  return (
    <EmailLayout caisse={caisse} preview="L’adresse de connexion à votre Espace sécurisé change.">
      <Text>Bonjour{firstName ? ` ${firstName}` : ''},</Text>
      {stage === 'requested' ? (
        <Text>
          Le {when}, une demande a été faite pour remplacer votre adresse de connexion à l’Espace sécurisé par <strong>{newEmail}</strong>. Le
          changement n’aura lieu que si le lien envoyé à cette nouvelle adresse est ouvert.
        </Text>
      ) : (
        <Text>
          Le {when}, votre adresse de connexion à l’Espace sécurisé a été remplacée par <strong>{newEmail}</strong>. Les prochains courriels
          seront envoyés à cette adresse.
        </Text>
      )}
      {stage === 'requested' ? (
        <Text>
          Ce n’est pas vous ? Changez sans attendre votre mot de passe (
          <Link href={`${appUrl}/mot-de-passe-oublie`} style={linkStyle}>Mot de passe oublié ?</Link>) et prévenez votre caisse.
        </Text>
      ) : (
        <Text>
          Ce n’est pas vous ? Appelez sans attendre votre caisse au {caisse.phone} : elle peut désactiver l’accès et vous aider à le
          récupérer.
        </Text>
      )}
    </EmailLayout>
  );
}
