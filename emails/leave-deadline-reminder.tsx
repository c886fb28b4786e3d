import { Link, Text } from '@react-email/components';
import { EmailLayout, linkStyle, previewCaisse, type CaisseIdentity } from './layout';

export type LeaveDeadlineReminderProps = {
  caisse: CaisseIdentity;
  companyName: string;
  /** « vendredi 18 décembre 2026 » */
  deadline: string;
  /** « 28/12/2026 » */
  paymentOn: string;
  daysLeft: number;
  /** « Klein Yasmine », … (a few names; `missingCount` says how many in all). */
  workerNames: string[];
  missingCount: number;
  url: string;
};

export const leaveDeadlineReminderSubject = (companyName: string, deadline: string) => `Date limite d’enregistrement de dates de congés le ${deadline} – ${companyName}`;

/** To a company's users with the leave area (and its delegated firm's) before a registration deadline, when some workers have no main leave registered. */
export default function LeaveDeadlineReminder({
  caisse = previewCaisse,
  companyName = 'Rénovation Rhénane Démo SAS',
  deadline = 'vendredi 18 décembre 2026',
  paymentOn = '28/12/2026',
  daysLeft = 7,
  workerNames = ['Klein Yasmine', 'Meyer Élodie'],
  missingCount = 2,
  url = 'http://localhost:3000/espace/conges',
}: Partial<LeaveDeadlineReminderProps>) {
  const who = missingCount === 1 ? '1 salarié n’a' : `${missingCount} salariés n’ont`;
  return (
    <EmailLayout caisse={caisse} preview={`Date limite d’enregistrement de dates de congés : ${deadline}.`}>
      <Text>Bonjour,</Text>
      <Text>
        La date limite d’enregistrement de dates de congés est le {deadline} ({daysLeft === 0 ? 'aujourd’hui' : `dans ${daysLeft} jour${daysLeft > 1 ? 's' : ''}`}). Les
        congés enregistrés d’ici là seront payés aux salariés lors du paiement du {paymentOn} ; ceux enregistrés après, lors du paiement suivant.
      </Text>
      <Text>
        Chez {companyName}, {who} pas de congé principal enregistré : {workerNames.join(', ')}
        {missingCount > workerNames.length ? '…' : '.'}
      </Text>
      <Text>
        <Link href={url} style={linkStyle}>Planifier les congés</Link>
      </Text>
    </EmailLayout>
  );
}
