import Link from 'next/link';
import { getDb } from '@/db';
import type { Level } from '@/lib/access/rules';
import { daysBetween, formatDayShort, todayInFrance } from '@/lib/format';
import { leaveYearOf } from '@/lib/leave/days';
import { listPaymentRuns, listWorkersWithoutMainLeave } from '@/lib/leave/queries';
import { paymentRunFor } from '@/lib/leave/runs';

/** The « leave » card of the dashboard: the next registration deadline, its countdown, and who has no main leave yet. */
export async function LeaveCard({ companyId, level }: { companyId: string; level: Level }) {
  const db = await getDb();
  const today = todayInFrance();
  const [runs, without] = await Promise.all([listPaymentRuns(db), listWorkersWithoutMainLeave(db, companyId, leaveYearOf(today))]);
  const run = paymentRunFor(today, runs);
  const left = run ? daysBetween(today, run.deadline) : null;
  const shown = without.slice(0, 5).map((w) => `${w.lastName} ${w.firstName}`);
  return (
    <>
      {run ? (
        <p>
          Date limite d’enregistrement de dates de congés : <strong>{formatDayShort(run.deadline)}</strong> (
          {left === 0 ? 'aujourd’hui' : `dans ${left} jour${left! > 1 ? 's' : ''}`}), pour le paiement du {formatDayShort(run.paymentOn)}.
        </p>
      ) : (
        <p>Aucune date limite d’enregistrement annoncée pour l’instant.</p>
      )}
      {without.length === 0 ? (
        <p>Tous vos salariés ont un congé principal enregistré.</p>
      ) : (
        <p>
          {without.length === 1 ? '1 salarié n’a' : `${without.length} salariés n’ont`} pas de congé principal enregistré : {shown.join(', ')}
          {without.length > shown.length ? '…' : '.'}
        </p>
      )}
      <Link href="/espace/conges" className="inline-flex min-h-11 items-center font-semibold text-brand-dark underline">
        {level === 'write' ? 'Planifier les congés' : 'Voir la planification des congés'}
      </Link>
    </>
  );
}
