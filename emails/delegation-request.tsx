import { Button, Text } from '@react-email/components';
import { EmailLayout, previewCaisse, type CaisseIdentity } from './layout';

export type DelegationRequestProps = {
  caisse: CaisseIdentity;
  companyName: string;
  firmName: string;
  firmSiret: string;
  areas: string[];
  endsOn: string | null;
  note: string;
  url: string;
};

export const delegationRequestSubject = (firmName: string) => `${firmName} demande à gérer vos démarches CIBTP`;

/** To a company's administrators: a firm asks for a delegation, which they accept or decline. */
export default function DelegationRequest({
  caisse = previewCaisse,
  companyName = 'Rénovation Rhénane Démo SAS',
  firmName = 'Cabinet Comptable Lorrain Démo',
  firmSiret = '934 567 892 00013',
  areas = ['Déclarations : saisie'],
  endsOn = null,
  note = '',
  url = 'http://localhost:3000/espace/compte/droits',
}: Partial<DelegationRequestProps>) {
  return (
    <EmailLayout caisse={caisse} preview={`${firmName} demande une délégation pour ${companyName}.`}>
      <Text>Bonjour,</Text>
      <Text>
        Le cabinet <strong>{firmName}</strong> (SIRET {firmSiret}) demande à gérer les démarches de {companyName} dans l’Espace sécurisé :
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
      {note && <Text>Son message : « {note} »</Text>}
      <Text>Rien ne change tant que vous n’avez pas accepté. Vous pourrez révoquer la délégation à tout moment.</Text>
      <Button href={url} style={{ backgroundColor: '#0b4f9c', color: '#ffffff', padding: '12px 20px', borderRadius: 6, fontWeight: 700 }}>
        Accepter ou refuser
      </Button>
    </EmailLayout>
  );
}
