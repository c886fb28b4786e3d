import crypto from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { getMonthDeclaration, startingValues, type SentDeclaration } from '@/lib/declarations/queries';
import { describeDelta, formatHours, formatPeriod, periodFromSlug, periodSlug } from '@/lib/declarations/rules';
import { formatReceiptTime } from '@/lib/declarations/format';
import { formatDayShort, formatEuros, todayInFrance } from '@/lib/format';
import { DeclarationForm } from './declaration-form';
import { PageHeader } from '@/app/espace/_components/page-header';
import { getContributionDueOn } from '@/lib/payments/statement';

export async function generateMetadata({ params }: { params: Promise<{ periode: string }> }): Promise<Metadata> {
  const period = periodFromSlug((await params).periode);
  return { title: period ? `Déclaration de ${formatPeriod(period)}` : 'Déclaration' };
}

function ReceiptLink({ d }: { d: SentDeclaration }) {
  if (!d.receiptId) return null;
  return (
    <a href={`/espace/declarations/accuse/${d.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand underline" download>
      Télécharger l’accusé de réception<span className="sr-only"> {d.number}</span>&nbsp;(PDF)
    </a>
  );
}

export default async function DeclarationMonthPage({
  params,
  searchParams,
}: {
  params: Promise<{ periode: string }>;
  searchParams: Promise<{ envoyee?: string; rectificative?: string }>;
}) {
  const ctx = await requireArea('declarations', 'read');
  const { periode } = await params;
  const period = periodFromSlug(periode);
  const today = todayInFrance();
  // Months from the current one back: a month still to come is not declared.
  if (!period || period > `${today.slice(0, 7)}-01`) notFound();
  const { envoyee, rectificative } = await searchParams;
  const db = await getDb();
  const month = await getMonthDeclaration(db, ctx.company.id, period);
  const canWrite = ctx.grants.declarations === 'write';
  const label = formatPeriod(period);
  const pagePath = `/espace/declarations/${periodSlug(period)}`;
  const current = month.current;
  const editing = canWrite && month.workers.length > 0 && (!current || rectificative !== undefined || month.draft !== null);
  const byId = new Map(month.workers.map((w) => [w.id, w]));

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={`Déclaration de ${label}`} subtitle={ctx.company.name} back={{ href: '/espace/declarations', label: 'Déclarations' }} />

      {envoyee && current && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          Déclaration {current.number} envoyée. Son accusé de réception est disponible ci-dessous et dans vos documents.
        </p>
      )}

      {current && (
        <section aria-labelledby="titre-envoyee" className="flex flex-col gap-3 rounded-lg border border-slate-300 p-4">
          <h2 id="titre-envoyee" className="text-xl font-bold text-brand-dark">
            {current.kind === 'corrective' ? 'Déclaration rectificative en vigueur' : 'Déclaration envoyée'}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt>Numéro</dt>
            <dd className="font-semibold">{current.number}</dd>
            <dt>Envoyée le</dt>
            <dd>{formatReceiptTime(current.sentAt)}</dd>
            <dt>Lignes</dt>
            <dd>{current.lineCount}</dd>
            <dt>Heures</dt>
            <dd>{formatHours(current.totalHoursHundredths)}</dd>
            <dt>Salaires bruts</dt>
            <dd>{formatEuros(current.totalWagesCents)}</dd>
            <dt>Cotisation</dt>
            <dd className="font-bold">{formatEuros(current.totalContributionCents)}</dd>
            <dt>Échéance</dt>
            <dd>{formatDayShort(await getContributionDueOn(db, period))}</dd>
          </dl>
          <ReceiptLink d={current} />
          {month.currentLines.length > 0 && (
            <details>
              <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-dark">Voir les lignes déclarées</summary>
              <ul className="mt-2 flex flex-col gap-2">
                {month.currentLines.map((l) => {
                  const w = byId.get(l.workerId);
                  return (
                    <li key={l.workerId} className="rounded border border-slate-200 p-2">
                      <span className="font-semibold">{w ? `${w.lastName} ${w.firstName}` : 'Salarié'}</span> : {formatHours(l.hoursHundredths)},{' '}
                      {formatEuros(l.grossWagesCents)} brut, cotisation {formatEuros(l.contributionCents)}
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
          {month.history.length > 1 && (
            <div>
              <h3 className="font-bold">Historique du mois</h3>
              <ul className="mt-1 flex flex-col gap-2">
                {month.history.map((h, i) => (
                  <li key={h.id} className="flex flex-col">
                    <span>
                      {h.kind === 'corrective' ? 'Rectificative' : 'Initiale'} {h.number}, {formatReceiptTime(h.sentAt)} : {formatEuros(h.totalContributionCents)}
                      {i > 0 && ` (${describeDelta(h.totalContributionCents - month.history[i - 1]!.totalContributionCents)})`}
                    </span>
                    <ReceiptLink d={h} />
                  </li>
                ))}
              </ul>
            </div>
          )}
          {canWrite && !editing && (
            <Link href={`${pagePath}?rectificative=1`} className="inline-flex min-h-11 items-center self-start rounded-md border-2 border-brand bg-white px-4 font-semibold text-brand-dark hover:bg-brand-light">
              Déclaration rectificative
            </Link>
          )}
        </section>
      )}

      {!current && !canWrite && <p>Ce mois n’a pas encore été déclaré. Vos droits permettent de consulter les déclarations, pas de les saisir.</p>}
      {month.workers.length === 0 && !current && <p>Aucun salarié n’était employé ce mois-ci : il n’y a rien à déclarer.</p>}

      {editing && (
        <section aria-labelledby="titre-saisie" className="flex flex-col gap-4">
          <h2 id="titre-saisie" className="text-2xl font-bold text-brand-dark">
            {current ? 'Déclaration rectificative' : 'Saisie de la déclaration'}
          </h2>
          <p>
            {current
              ? `Corrigez les lignes ci-dessous : les totaux de la déclaration rectificative remplaceront ceux de la déclaration ${current.number}.`
              : 'Pour chaque salarié employé ce mois-ci, indiquez les heures travaillées et le salaire brut. Votre saisie est enregistrée comme brouillon au fur et à mesure.'}
          </p>
          <DeclarationForm
            period={period}
            periodLabel={label}
            pagePath={current ? `${pagePath}?rectificative=1` : pagePath}
            kind={current ? 'corrective' : 'initial'}
            idempotencyKey={crypto.randomUUID()}
            workers={month.workers}
            initialValues={startingValues(month)}
            savedLabel={month.draft ? `Brouillon enregistré à ${formatReceiptTime(month.draft.savedAt, 'time')}` : null}
            previous={current ? { number: current.number, totalContributionCents: current.totalContributionCents } : null}
          />
        </section>
      )}
    </div>
  );
}
