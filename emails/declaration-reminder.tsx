import { Link, Text } from '@react-email/components';
import { EmailLayout, linkStyle, previewCaisse, type CaisseIdentity } from './layout';

export type DeclarationReminderProps = {
  caisse: CaisseIdentity;
  companyName: string;
  /** « due »: the month's declaration falls due soon; « overdue »: months due and still not declared. */
  kind: 'due' | 'overdue';
  /** « novembre 2026 » …, oldest first. */
  months: string[];
  /** « 1er décembre 2026 »: when the (first) month falls due. */
  dueOn: string;
  url: string;
};

export const declarationReminderSubject = (p: Pick<DeclarationReminderProps, 'kind' | 'months' | 'dueOn' | 'companyName'>) =>
  p.kind === 'due'
    ? `Rappel : déclaration de ${p.months[0]} attendue le ${p.dueOn} – ${p.companyName}`
    : `Déclaration${p.months.length > 1 ? 's' : ''} en retard : ${p.months.join(', ')} – ${p.companyName}`;

/** To the company's administrators and the firms it delegates its declarations to. */
export default function DeclarationReminder({
  caisse = previewCaisse,
  companyName = 'Rénovation Rhénane Démo SAS',
  kind = 'due',
  months = ['novembre 2026'],
  dueOn = '1er décembre 2026',
  url = 'http://localhost:3000/espace/declarations/2026-11',
}: Partial<DeclarationReminderProps>) {
  const list = months.join(', ');
  return (
    <EmailLayout caisse={caisse} preview={kind === 'due' ? `Déclaration de ${months[0]} attendue le ${dueOn}.` : `Déclarations en retard : ${list}.`}>
      <Text>Bonjour,</Text>
      {kind === 'due' ? (
        <Text>
          La déclaration mensuelle de {companyName} pour {months[0]} (heures travaillées et salaires bruts de chaque salarié) est attendue à
          partir du {dueOn}. Vous pouvez la préparer dès maintenant dans l’Espace sécurisé : votre saisie est enregistrée comme brouillon.
        </Text>
      ) : (
        <Text>
          {months.length > 1 ? `Les déclarations de ${list} n’ont` : `La déclaration de ${list} n’a`} pas encore été envoyée
          {months.length > 1 ? 's' : ''} pour {companyName}. Tant qu’un mois attendu n’est pas déclaré, votre entreprise n’est pas à jour et la
          caisse ne peut pas délivrer d’attestation de mise à jour.
        </Text>
      )}
      <Text>
        <Link href={url} style={linkStyle}>
          {kind === 'due' ? `Déclarer ${months[0]}` : 'Déclarer les mois en retard'}
        </Link>
      </Text>
      <Text>Si la déclaration vient d’être envoyée, ne tenez pas compte de ce message.</Text>
    </EmailLayout>
  );
}
