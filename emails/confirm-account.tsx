import { Button, Link, Text } from '@react-email/components';
import { EmailLayout, linkStyle, previewCaisse, type CaisseIdentity } from './layout';

export type ConfirmAccountEmailProps = {
  caisse: CaisseIdentity;
  organisationName: string;
  /** Formatted for reading (« 912 345 675 00017 »). */
  siret: string;
  confirmUrl: string;
  validHours: number;
};

export const confirmAccountSubject = 'Confirmez la création de votre Espace sécurisé';

/** Step 4 of the first-connection wizard: the single-use link that creates the space. */
export default function ConfirmAccountEmail({
  caisse = previewCaisse,
  organisationName = 'Bâtiments de l’Est Démo SARL',
  siret = '912 345 675 00017',
  confirmUrl = 'http://localhost:3000/premiere-connexion/confirmer?token=exemple',
  validHours = 24,
}: Partial<ConfirmAccountEmailProps>) {
  return (
    <EmailLayout caisse={caisse} preview="Un dernier clic pour créer votre Espace sécurisé.">
      <Text>Bonjour,</Text>
      <Text>
        Vous avez demandé la création de l’Espace sécurisé de <strong>{organisationName}</strong> (SIRET {siret}) avec cette
        adresse électronique, qui deviendra votre identifiant de connexion.
      </Text>
      <Text>Pour confirmer la création de votre espace, ouvrez ce lien puis cliquez sur le bouton « Confirmer la création de mon espace » :</Text>
      <Button
        href={confirmUrl}
        style={{ backgroundColor: '#0b4f9c', color: '#ffffff', padding: '12px 20px', borderRadius: 6, fontWeight: 700, textDecoration: 'none' }}
      >
        Confirmer la création de mon espace
      </Button>
      <Text>
        Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br />
        <Link href={confirmUrl} style={linkStyle}>
          {confirmUrl}
        </Link>
      </Text>
      <Text>
        Ce lien est valable {validHours} heures et ne peut servir qu’une fois. Vos deux courriers ne seront plus utilisables une
        fois votre espace créé.
      </Text>
      <Text>Vous n’êtes pas à l’origine de cette demande ? Ignorez ce message : aucun espace ne sera créé.</Text>
    </EmailLayout>
  );
}
