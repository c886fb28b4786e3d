import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { formatReceiptTime } from '@/lib/declarations/format';
import { listDeclarationMonths, type MonthRow } from '@/lib/declarations/queries';
import { declarationDueOn, formatHours, formatPeriod, periodSlug } from '@/lib/declarations/rules';
import { formatDayShort, formatEuros, todayInFrance } from '@/lib/format';
import { PageHeader } from '@/app/espace/_components/page-header';

export const metadata: Metadata = { title: 'Déclarations' };

function Status({ row }: { row: MonthRow }) {
  if (row.current)
    return <span className="inline-block rounded bg-green-100 px-2 py-0.5 text-sm font-semibold text-green-900">{row.corrections ? 'Déclarée (rectifiée)' : 'Déclarée'}</span>;
  if (row.isDue) return <span className="inline-block rounded bg-red-100 px-2 py-0.5 text-sm font-semibold text-red-900">À déclarer</span>;
  return <span className="inline-block rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold text-ink">Mois en cours</span>;
}

export default async function DeclarationsPage() {
  const ctx = await requireArea('declarations', 'read');
  const db = await getDb();
  const today = todayInFrance();
  const months = await listDeclarationMonths(db, ctx.company.id, today);
  const canWrite = ctx.grants.declarations === 'write';
  const missing = months.filter((m) => m.isDue && !m.current);

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title="Déclarations" subtitle={ctx.company.name} />
      <p>
        Chaque mois, déclarez pour chacun de vos salariés les heures travaillées et les salaires bruts. La déclaration d’un mois est attendue
        dès le début du mois suivant ; la cotisation est due 45 jours après la fin du mois déclaré.
      </p>
      {missing.length > 0 ? (
        <p role="status" className="rounded border-l-4 border-red-700 bg-red-50 p-3 font-semibold text-red-800">
          {missing.length === 1 ? '1 mois n’est pas encore déclaré.' : `${missing.length} mois ne sont pas encore déclarés.`}
        </p>
      ) : (
        <p className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">Vos déclarations sont à jour.</p>
      )}
      <section aria-labelledby="titre-mois" className="flex flex-col gap-3">
        <h2 id="titre-mois" className="text-xl font-bold text-brand-dark">Mois</h2>
        <ul className="flex flex-col gap-3">
          {months.map((row) => {
            const label = formatPeriod(row.period);
            const href = `/espace/declarations/${periodSlug(row.period)}`;
            return (
              <li key={row.period} className="flex flex-col gap-2 rounded-lg border border-slate-300 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="flex flex-col gap-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="text-lg font-bold first-letter:uppercase">{label}</span>
                    <Status row={row} />
                    {row.hasDraft && <span className="inline-block rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-ink">Brouillon</span>}
                  </p>
                  {row.current ? (
                    <p className="text-sm">
                      N° {row.current.number}, envoyée le {formatReceiptTime(row.current.sentAt)} · {row.current.lineCount} ligne
                      {row.current.lineCount > 1 ? 's' : ''} · {formatHours(row.current.totalHoursHundredths)} · salaires {formatEuros(row.current.totalWagesCents)} ·
                      cotisation <strong>{formatEuros(row.current.totalContributionCents)}</strong>
                    </p>
                  ) : (
                    <p className="text-sm">{row.isDue ? `Attendue depuis le ${formatDayShort(declarationDueOn(row.period))}` : `À déclarer à partir du ${formatDayShort(declarationDueOn(row.period))}`}</p>
                  )}
                </div>
                <div className="flex flex-wrap gap-x-5 sm:flex-col sm:items-end">
                  <Link href={href} className="inline-flex min-h-11 items-center font-semibold text-brand-dark underline">
                    {row.current || !canWrite ? 'Voir' : 'Déclarer'}
                    <span className="sr-only"> {label}</span>
                  </Link>
                  {row.current?.receiptId && (
                    <a href={`/espace/declarations/accuse/${row.current.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand underline" download>
                      Accusé de réception<span className="sr-only"> {row.current.number}</span>&nbsp;(PDF)
                    </a>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
