import { Button, Text } from '@react-email/components';
import { EmailLayout, previewCaisse, type CaisseIdentity } from './layout';

export type ContributionDueProps = {
  caisse: CaisseIdentity;
  companyName: string;
  /** « septembre 2026 » */
  periodLabel: string;
  /** « 1 234,56 € » */
  amount: string;
  /** « 14/11/2026 » */
  dueOn: string;
  isDebitActive: boolean;
  url: string;
};

/** `ofPeriodLabel`: « de septembre 2026 », « d’octobre 2026 » (lib/payments/rules ofPeriod). */
export const contributionDueSubject = (ofPeriodLabel: string, dueOn: string) => `Cotisation ${ofPeriodLabel} : échéance le ${dueOn}`;

/** A few days before a contribution's due date, to the company's administrators and those who handle its payments. */
export default function ContributionDue({
  caisse = previewCaisse,
  companyName = 'Rénovation Rhénane Démo SAS',
  periodLabel = 'septembre 2026',
  amount = '1 234,56 €',
  dueOn = '14/11/2026',
  isDebitActive = false,
  url = 'http://localhost:3000/espace/paiements',
}: Partial<ContributionDueProps>) {
  return (
    <EmailLayout caisse={caisse} preview={`${amount} à régler au plus tard le ${dueOn}.`}>
      <Text>Bonjour,</Text>
      <Text>
        La cotisation de congés payés de <strong>{companyName}</strong> pour <strong>{periodLabel}</strong>, soit <strong>{amount}</strong>, arrive à
        échéance le <strong>{dueOn}</strong>.
      </Text>
      {isDebitActive ? (
        <Text>Elle sera prélevée à cette date sur le compte de votre mandat SEPA : veillez à ce qu’il soit approvisionné.</Text>
      ) : (
        <Text>
          Réglez-la par virement avant cette date en indiquant la référence de paiement affichée dans l’Espace sécurisé, puis confirmez votre paiement
          en ligne. Après l’échéance, une majoration de 1 % par mois commencé s’applique.
        </Text>
      )}
      <Button href={url} style={{ backgroundColor: '#0b4f9c', color: '#ffffff', padding: '12px 20px', borderRadius: 6, fontWeight: 700 }}>
        Voir le relevé de compte
      </Button>
    </EmailLayout>
  );
}
