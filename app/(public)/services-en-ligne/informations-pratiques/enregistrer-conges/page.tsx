import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { GuideShell, GuideStep } from '@/app/_components/guide-shell';
import { formatDayWithWeekday, todayInFrance } from '@/lib/format';
import { getGuide } from '@/lib/site/guides';
import { getNextKeyDate } from '@/lib/site/queries';

const guide = getGuide('enregistrer-conges');

export const metadata: Metadata = { title: guide.title };

export default async function LeaveGuidePage() {
  const deadline = await getNextKeyDate(await getDb(), 'leave_registration_deadline', todayInFrance());
  return (
    <GuideShell
      guide={guide}
      intro={
        <p>
          Dans le BTP, ce n’est pas l’entreprise qui paie les congés de ses salariés : c’est la caisse. Pour qu’elle paie, vous
          enregistrez les dates de congés de chaque salarié dans votre Espace sécurisé. L’enregistrement déclenche le paiement de
          l’indemnité de congés, versée directement au salarié.
        </p>
      }
    >
      <section aria-labelledby="titre-date-limite" className="rounded-lg border-l-8 border-accent bg-amber-50 p-5">
        <h2 id="titre-date-limite" className="text-2xl font-bold text-brand-dark">
          Date limite d’enregistrement
        </h2>
        {deadline ? (
          <p className="mt-2 text-lg">
            Prochaine date limite d’enregistrement de dates de congés :{' '}
            <strong>
              <time dateTime={deadline.startsOn}>{formatDayWithWeekday(deadline.startsOn)}</time>
            </strong>
            .
          </p>
        ) : (
          <p className="mt-2 text-lg">Aucune date limite n’est annoncée pour le moment.</p>
        )}
        <p className="mt-2">
          La caisse paie les congés par vagues de paiement. Les congés enregistrés avant la date limite sont payés lors de la vague
          suivante ; ceux enregistrés après attendent la vague d’après. Toutes les dates sont dans les{' '}
          <Link className="font-semibold text-brand underline" href="/#titre-dates">
            Dates à retenir
          </Link>
          .
        </p>
      </section>

      <GuideStep id="etape-calendrier" number={1} title="Ouvrez le calendrier des congés">
        <p>Connectez-vous à votre Espace sécurisé et ouvrez la rubrique des congés : le calendrier montre vos salariés et leurs droits.</p>
      </GuideStep>

      <GuideStep id="etape-dates" number={2} title="Saisissez les dates du congé">
        <p>
          Choisissez le salarié, puis indiquez le <strong>premier</strong> et le <strong>dernier jour</strong> de son congé. L’espace
          compte lui-même les jours ouvrables pris et vous signale ce qui ne va pas (droits dépassés, règle non respectée).
        </p>
      </GuideStep>

      <GuideStep id="etape-valider" number={3} title="Validez avant la date limite">
        <p>
          Vérifiez le nombre de jours, puis validez. Le congé apparaît dans le calendrier avec son <strong>état de paiement</strong> : vous
          voyez quand la caisse l’a payé au salarié.
        </p>
      </GuideStep>

      <GuideStep id="regles" title="Les règles à connaître">
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <strong>Droits :</strong> 2,5 jours ouvrables par mois travaillé (150 heures ou 24 jours), 30 jours au plus, acquis du
            1<sup>er</sup> avril au 31 mars.
          </li>
          <li>
            <strong>Période de prise :</strong> ces congés se prennent du 1<sup>er</sup> mai au 30 avril suivant.
          </li>
          <li>
            <strong>Congé principal :</strong> jusqu’à 24 jours entre le 1<sup>er</sup> mai et le 31 octobre, dont au moins 12 jours
            continus. La 5<sup>e</sup> semaine se prend à part.
          </li>
          <li>
            <strong>Jours comptés :</strong> les jours ouvrables, du lundi au samedi. Un jour férié pendant le congé n’est pas décompté.
            En Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle), le Vendredi saint et le 26 décembre sont aussi fériés (voir{' '}
            <Link className="font-semibold text-brand underline" href="/nos-sites#alsace-moselle">
              Nos sites
            </Link>
            ).
          </li>
          <li>
            <strong>Prime de vacances :</strong> 30 % de l’indemnité du congé principal, pour le salarié qui a travaillé au moins
            1 675 heures sur la période de référence.
          </li>
        </ul>
      </GuideStep>
    </GuideShell>
  );
}
