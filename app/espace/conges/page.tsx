import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { formatDayShort, formatDayWithWeekday, daysBetween, todayInFrance } from '@/lib/format';
import { addMonths, daysIn, monthLabel, monthRange, monthsOf } from '@/lib/leave/month-grid';
import { leaveYearOf, shiftDay } from '@/lib/leave/days';
import { publicHolidaysBetween } from '@/lib/leave/holidays';
import { getLeaveCompany, getTeamView, listPaymentRuns } from '@/lib/leave/queries';
import { paymentRunFor, type PaymentRun } from '@/lib/leave/runs';
import { monthParam } from '@/lib/leave/schemas';
import { Planner } from './planner';
import { PrintButton } from './print-button';
import { Legend, TeamTable } from './team-table';

export const metadata: Metadata = { title: 'Planification des congés' };

const exportLink = 'inline-flex min-h-11 items-center justify-center rounded-md border-2 border-brand bg-white px-4 font-semibold text-brand-dark hover:bg-brand-light';

function runNotice(run: PaymentRun | null, today: string): string {
  if (!run) return 'La caisse n’a pas encore annoncé de date limite d’enregistrement : les congés enregistrés seront payés lors du prochain paiement annoncé.';
  const left = daysBetween(today, run.deadline);
  return `Les congés enregistrés d’ici le ${formatDayShort(run.deadline)} (date limite d’enregistrement, ${left === 0 ? 'aujourd’hui' : `dans ${left} jour${left > 1 ? 's' : ''}`}) seront payés lors du paiement du ${formatDayShort(run.paymentOn)}.`;
}

export default async function LeavePage({ searchParams }: { searchParams: Promise<{ mois?: string }> }) {
  const ctx = await requireArea('leave', 'read');
  const db = await getDb();
  const company = await getLeaveCompany(db, ctx.company.id);
  if (!company) notFound();
  const today = todayInFrance();
  const month = monthParam.parse((await searchParams).mois) ?? today.slice(0, 7);
  const range = monthRange(month);
  const [view, runs] = await Promise.all([getTeamView(db, company, range, today), listPaymentRuns(db)]);
  const leaveYear = leaveYearOf(range.start);
  const months = monthsOf(leaveYear);
  const days = daysIn(range);
  const run = paymentRunFor(today, runs);
  const canWrite = ctx.grants.leave === 'write';

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Fil d’Ariane" className="no-print">
        <Link href="/espace" className="inline-flex min-h-11 items-center text-brand underline">
          ← Tableau de bord
        </Link>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-black text-brand-dark">Planification des congés</h1>
          <p className="mt-2 text-lg">
            {company.name} · année de congés du {formatDayShort(leaveYear.start)} au {formatDayShort(leaveYear.end)}
          </p>
        </div>
        <div className="no-print flex flex-wrap gap-3">
          <PrintButton />
          <a href="/espace/conges/export.ics" download className={exportLink}>
            Exporter (iCalendar .ics)
          </a>
          <a href="/espace/conges/export.csv" download className={exportLink}>
            Exporter (CSV)
          </a>
        </div>
      </div>

      <section aria-labelledby="titre-date-limite" className="rounded-lg border-l-4 border-accent bg-amber-50 p-4">
        <h2 id="titre-date-limite" className="font-bold">
          Date limite d’enregistrement de dates de congés
        </h2>
        <p>
          {run ? <>Prochaine date limite : <strong>{formatDayWithWeekday(run.deadline)}</strong>. </> : null}
          {runNotice(run, today)} Un congé enregistré après la date limite est payé lors du paiement suivant.
        </p>
      </section>

      <nav aria-label="Mois de l’année de congés" className="no-print">
        <ul className="flex flex-wrap gap-2">
          {months.map((m) => (
            <li key={m}>
              <Link
                href={`/espace/conges?mois=${m}`}
                aria-current={m === month ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-md border px-3 text-sm font-semibold ${m === month ? 'border-brand bg-brand text-white' : 'border-slate-300 bg-white text-brand-dark hover:bg-brand-light'}`}
              >
                {monthLabel(m)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-2xl font-bold capitalize text-brand-dark">{monthLabel(month)}</h2>
        <div className="no-print flex gap-2">
          <Link href={`/espace/conges?mois=${addMonths(month, -1)}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 font-semibold text-brand-dark">
            ← Mois précédent
          </Link>
          <Link href={`/espace/conges?mois=${addMonths(month, 1)}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 font-semibold text-brand-dark">
            Mois suivant →
          </Link>
        </div>
      </div>
      <Legend />

      {view.workers.length === 0 ? (
        <p>Aucun salarié n’est déclaré pour ce mois.</p>
      ) : (
        <Planner
          workers={view.workers.map((w) => ({ id: w.id, name: `${w.lastName} ${w.firstName}` }))}
          days={days.map((d) => d.date)}
          holidays={publicHolidaysBetween(shiftDay(leaveYear.start, -366), shiftDay(leaveYear.end, 366), company.alsaceMoselle).map((h) => h.date)}
          canWrite={canWrite}
          runNotice={runNotice(run, today)}
        >
          <TeamTable view={view} days={days} today={today} />
        </Planner>
      )}
      {company.alsaceMoselle && (
        <p className="text-sm text-muted">Entreprise relevant du droit local d’Alsace-Moselle : le Vendredi saint et le 26 décembre sont fériés.</p>
      )}
    </div>
  );
}
