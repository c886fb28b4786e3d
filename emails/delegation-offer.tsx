import { Button, Text } from '@react-email/components';
import { EmailLayout, previewCaisse, type CaisseIdentity } from './layout';

export type DelegationOfferProps = {
  caisse: CaisseIdentity;
  companyName: string;
  companySiret: string;
  firmName: string;
  areas: string[];
  endsOn: string | null;
  url: string;
  /** The firm has no space yet: it creates it first, then accepts. */
  firmHasSpace: boolean;
};

export const delegationOfferSubject = (companyName: string) => `${companyName} vous délègue ses démarches CIBTP`;

/** To the accounting firm a company chose: the delegation starts once the firm accepts it. */
export default function DelegationOffer({
  caisse = previewCaisse,
  companyName = 'Rénovation Rhénane Démo SAS',
  companySiret = '923 456 784 00019',
  firmName = 'Cabinet Comptable Lorrain Démo',
  areas = ['Déclarations : saisie', 'Attestations : consultation'],
  endsOn = null,
  url = 'http://localhost:3000/espace/clients',
  firmHasSpace = true,
}: Partial<DelegationOfferProps>) {
  return (
    <EmailLayout caisse={caisse} preview={`${companyName} souhaite vous confier ses démarches.`}>
      <Text>Bonjour,</Text>
      <Text>
        L’entreprise <strong>{companyName}</strong> (SIRET {companySiret}) délègue à {firmName} ses démarches dans l’Espace sécurisé :
      </Text>
      <Text>
        {areas.map((a) => (
          <span key={a}>
            • {a}
            <br />
          </span>
        ))}
        {endsOn ? `Jusqu’au ${endsOn} inclus.` : 'Sans date de fin (jusqu’à révocation).'}
      </Text>
      {firmHasSpace ? (
        <Text>La délégation prendra effet dès que vous l’aurez acceptée dans « Mes clients ».</Text>
      ) : (
        <Text>
          Votre cabinet n’a pas encore d’Espace sécurisé : créez-le (choisissez « cabinet comptable / tiers-déclarant »), puis acceptez la
          délégation dans « Mes clients ».
        </Text>
      )}
      <Button href={url} style={{ backgroundColor: '#0b4f9c', color: '#ffffff', padding: '12px 20px', borderRadius: 6, fontWeight: 700 }}>
        {firmHasSpace ? 'Voir la délégation' : 'Créer l’espace du cabinet'}
      </Button>
    </EmailLayout>
  );
}
