import Link from 'next/link';
import { getDb } from '@/db';
import type { Level } from '@/lib/access/rules';
import { upToDateStatusOf } from '@/lib/companies/status';
import { formatDayShort, formatEuros, todayInFrance } from '@/lib/format';
import { getDebitState } from '@/lib/payments/queries';
import { getAccountStatement } from '@/lib/payments/statement';

/** The « payments » card of the dashboard: the balance, the next due date, « à jour » or why not. */
export async function PaymentsCard({ companyId, level }: { companyId: string; level: Level }) {
  void level;
  const db = await getDb();
  const [statement, debit] = await Promise.all([getAccountStatement(db, companyId, todayInFrance()), getDebitState(db, companyId)]);
  const status = upToDateStatusOf(statement);
  return (
    <>
      <p>
        Solde à payer : <strong>{formatEuros(Math.max(0, statement.totals.balanceCents))}</strong>
      </p>
      {statement.nextDue && (
        <p>
          Prochaine échéance : <strong>{formatDayShort(statement.nextDue.dueOn)}</strong> ({formatEuros(statement.nextDue.balanceCents)})
        </p>
      )}
      {status.upToDate ? (
        <p>
          Situation : <strong className="text-green-800">à jour</strong>
        </p>
      ) : (
        <div>
          <p>
            Situation : <strong className="text-red-800">non à jour</strong>
          </p>
          <ul className="list-disc pl-5 text-sm">
            {status.reasons.map((r) => (
              <li key={`${r.kind}-${r.label}`}>{r.label}</li>
            ))}
          </ul>
        </div>
      )}
      {debit.suspension && <p className="font-semibold text-red-800">Prélèvement automatique désactivé : {debit.suspension.reason}</p>}
      <Link href="/espace/paiements" className="inline-flex min-h-11 items-center font-semibold text-brand-dark underline">
        Paiements
      </Link>
    </>
  );
}
