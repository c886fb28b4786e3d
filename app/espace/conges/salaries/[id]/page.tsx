import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { formatDayShort, formatEuros, todayInFrance } from '@/lib/format';
import { leaveYearOf } from '@/lib/leave/days';
import { computeIndemnity } from '@/lib/leave/indemnity';
import { getLeaveWorker, getWorkerRights, listWorkerLeaves, type LeaveRow, type WorkerRights } from '@/lib/leave/queries';
import { acquisitionRuleText, HOLIDAY_BONUS_MIN_HOURS } from '@/lib/leave/rights';
import { fractionnementDays } from '@/lib/leave/rules';
import { effectiveLeaveStatus, isLeaveEditable, leaveKindLabels, leaveStatusLabels } from '@/lib/leave/status';
import { LeaveActions } from './leave-actions';

export const metadata: Metadata = { title: 'Congés d’un salarié' };

const hours = (hundredths: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(hundredths / 100);

function IndemnityDetail({ leave, rights }: { leave: LeaveRow; rights: WorkerRights }) {
  if (rights.acquired <= 0 || leave.days <= 0) return <p>Aucun droit acquis sur la période de référence : pas d’indemnité calculée.</p>;
  const r = computeIndemnity({
    grossWagesCents: rights.grossWagesCents,
    lastHourlyRateCents: rights.lastHourlyRateCents,
    hoursHundredths: rights.hoursHundredths,
    acquiredDays: rights.acquired,
    leaveDays: leave.days,
    isMainLeave: leave.kind === 'main',
  });
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
      <dt>1/10 des salaires bruts de la période de référence ({formatEuros(rights.grossWagesCents)})</dt>
      <dd className="text-right">{formatEuros(r.tenthCents)}</dd>
      <dt>
        Maintien de salaire : dernier taux horaire ({formatEuros(rights.lastHourlyRateCents)}) × {hours(rights.hoursHundredths)} h ÷ 10
      </dt>
      <dd className="text-right">{formatEuros(r.maintainCents)}</dd>
      <dt>Formule retenue (la plus favorable)</dt>
      <dd className="text-right">{r.formula === 'tenth' ? 'un dixième' : 'maintien de salaire'}</dd>
      <dt>Valeur d’un jour : montant retenu ÷ {rights.acquired} jours acquis</dt>
      <dd className="text-right">{formatEuros(r.dailyValueCents)}</dd>
      <dt>
        Indemnité : {formatEuros(r.dailyValueCents)} × {leave.days} jours
      </dt>
      <dd className="text-right">{formatEuros(r.baseCents)}</dd>
      <dt>Prime de vacances (30 %, congé principal, {HOLIDAY_BONUS_MIN_HOURS.toLocaleString('fr-FR')} h au moins)</dt>
      <dd className="text-right">{formatEuros(r.bonusCents)}</dd>
      <dt className="font-bold">Total</dt>
      <dd className="text-right font-bold">{formatEuros(r.totalCents)}</dd>
    </dl>
  );
}

export default async function WorkerLeavePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireArea('leave', 'read');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const worker = await getLeaveWorker(db, ctx.company.id, id);
  if (!worker) notFound();
  const today = todayInFrance();
  const leaveYear = leaveYearOf(today);
  const [rights, yearLeaves] = await Promise.all([getWorkerRights(db, ctx.company.id, worker.id, today, today), listWorkerLeaves(db, ctx.company.id, worker.id, leaveYear.start)]);
  const live = yearLeaves.filter((l) => !l.cancelledAt);
  const fractionnement = fractionnementDays(live.map((l) => ({ id: l.id, start: l.startOn, end: l.endOn, days: l.days, kind: l.kind })));
  const canWrite = ctx.grants.leave === 'write';
  const name = `${worker.firstName} ${worker.lastName}`;

  return (
    <div className="flex flex-col gap-8">
      <nav aria-label="Fil d’Ariane">
        <Link href="/espace/conges" className="inline-flex min-h-11 items-center text-brand underline">
          ← Planification des congés
        </Link>
      </nav>
      <div>
        <h1 className="text-3xl font-black text-brand-dark">{name}</h1>
        <p className="mt-2">
          Embauché(e) le {formatDayShort(worker.hiredOn)}
          {worker.leftOn ? `, sorti(e) le ${formatDayShort(worker.leftOn)}` : ''}
        </p>
      </div>

      <section aria-labelledby="titre-droits" className="flex flex-col gap-3 rounded-lg bg-brand-light p-5">
        <h2 id="titre-droits" className="text-xl font-bold text-brand-dark">Droits à congés</h2>
        <p>
          Année de congés du {formatDayShort(rights.leaveYear.start)} au {formatDayShort(rights.leaveYear.end)}, acquis sur la période de référence du{' '}
          {formatDayShort(rights.referencePeriod.start)} au {formatDayShort(rights.referencePeriod.end)}.
        </p>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            ['Jours acquis', rights.acquired],
            ['Jours enregistrés', rights.registered],
            ['Jours payés', rights.paid],
            ['Jours restants', rights.remaining],
          ].map(([label, value]) => (
            <div key={label} className="rounded border border-slate-300 bg-white p-3">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="text-2xl font-bold">{value}</dd>
            </div>
          ))}
        </dl>
        <p>
          Heures déclarées sur la période de référence : <strong>{hours(rights.hoursHundredths)} h</strong>
          {rights.hasHolidayBonus
            ? ` : le seuil de ${HOLIDAY_BONUS_MIN_HOURS.toLocaleString('fr-FR')} h est atteint, la prime de vacances de 30 % s’applique au congé principal.`
            : ` : en dessous de ${HOLIDAY_BONUS_MIN_HOURS.toLocaleString('fr-FR')} h, pas de prime de vacances.`}
        </p>
        {fractionnement > 0 && <p>Jours de fractionnement : {fractionnement}.</p>}
        {canWrite && (
          <form method="post" action={`/espace/conges/salaries/${worker.id}/certificat`}>
            <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-md border-2 border-brand bg-white px-4 font-semibold text-brand-dark hover:bg-brand-light">
              Télécharger le certificat de congés (PDF)
            </button>
          </form>
        )}
        {acquisitionRuleText && <p className="text-sm text-muted">{acquisitionRuleText}</p>}
      </section>

      <section aria-labelledby="titre-conges" className="flex flex-col gap-3">
        <h2 id="titre-conges" className="text-xl font-bold text-brand-dark">Congés et paiements</h2>
        {yearLeaves.length === 0 ? (
          <p>Aucun congé enregistré pour cette année de congés.</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {yearLeaves.map((l) => {
              const status = effectiveLeaveStatus(l, today);
              const period = `du ${formatDayShort(l.startOn)} au ${formatDayShort(l.endOn)}`;
              return (
                <li key={l.id} className="flex flex-col gap-2 rounded-lg border border-slate-300 p-4">
                  <h3 className="font-bold">
                    {leaveKindLabels[l.kind]} {period} · {l.days} jours ouvrables
                  </h3>
                  {l.cancelledAt ? (
                    <p className="text-muted">Annulé.</p>
                  ) : (
                    <>
                      <p>
                        Statut : <strong>{leaveStatusLabels[status]}</strong>
                        {status !== 'registered' && l.paymentOn ? ` (${status === 'paid' ? 'payé' : 'programmé'} le ${formatDayShort(l.paymentOn)})` : ''}
                        {status === 'registered' && l.paymentDeadline && l.paymentOn
                          ? ` — enregistré avant la date limite du ${formatDayShort(l.paymentDeadline)} : payé lors du paiement du ${formatDayShort(l.paymentOn)}.`
                          : ''}
                        {status === 'registered' && !l.paymentOn ? ' — payé lors du prochain paiement annoncé par la caisse.' : ''}
                      </p>
                      {l.indemnityCents !== null && (
                        <p>
                          Indemnité : <strong>{formatEuros(l.indemnityCents)}</strong>
                        </p>
                      )}
                      <details>
                        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand underline">Détail du calcul de l’indemnité</summary>
                        <IndemnityDetail leave={l} rights={rights} />
                      </details>
                      {canWrite && isLeaveEditable(l, today) && <LeaveActions leave={{ id: l.id, start: l.startOn, end: l.endOn, kind: l.kind, label: period }} />}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
