import type { Metadata } from 'next';
import crypto from 'node:crypto';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { formatSiret } from '@/lib/companies/siret';
import { upToDateStatusOf } from '@/lib/companies/status';
import { formatDateTime, formatDayShort, formatEuros, todayInFrance } from '@/lib/format';
import { getCaisseBankDetails, getDebitState } from '@/lib/payments/queries';
import { formatIban, formatPeriod, maskIban, transferReference, type MonthAccount, type PaymentFact } from '@/lib/payments/rules';
import { paymentMethodLabels } from '@/lib/payments/schemas';
import { getAccountStatement } from '@/lib/payments/statement';
import { getCaisse } from '@/lib/site/queries';
import { linkClass, secondaryButtonClass } from '../_components/form-bits';
import { ConfirmPaymentForm, MandateForm } from './forms';
import { PageHeader } from '@/app/espace/_components/page-header';
import { UpToDateReasons } from '@/app/espace/_components/up-to-date-reasons';

export const metadata: Metadata = { title: 'Paiements' };

/** « 1234,56 »: an amount as typed in the form. */
const asTyped = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

function PaymentLine({ p }: { p: PaymentFact }) {
  const method = paymentMethodLabels[p.method].toLowerCase();
  if (p.status === 'received') return <>Reçu {formatEuros(p.amountCents)} le {formatDayShort(p.receivedOn!)} ({method})</>;
  if (p.status === 'announced')
    return (
      <>
        Annoncé {formatEuros(p.amountCents)} ({method}){p.announcedAt ? ` le ${formatDayShort(p.announcedAt.toISOString().slice(0, 10))}` : ''}, en attente de réception
      </>
    );
  return (
    <span className="text-red-800">
      Prélèvement de {formatEuros(p.amountCents)} rejeté{p.rejectedOn ? ` le ${formatDayShort(p.rejectedOn)}` : ''} : {p.rejectionReason}
    </span>
  );
}

function MonthState({ m }: { m: MonthAccount }) {
  if (m.isOverdue) return <strong className="rounded bg-red-100 px-2 py-0.5 text-sm text-red-900">En retard</strong>;
  if (m.balanceCents > 0) return <span className="rounded bg-slate-200 px-2 py-0.5 text-sm">À venir</span>;
  return <span className="rounded bg-green-100 px-2 py-0.5 text-sm text-green-900">Réglé</span>;
}

function Statement({ months, totals }: { months: MonthAccount[]; totals: { dueCents: number; receivedCents: number; penaltyCents: number; balanceCents: number } }) {
  if (!months.length) return <p className="text-muted">Aucune déclaration envoyée pour l’instant : rien n’est dû.</p>;
  return (
    <>
      {/* Phones: one card per month; wider screens: the table. Only one is ever displayed. */}
      <ul className="flex flex-col gap-3 md:hidden">
        {months.map((m) => (
          <li key={m.period} className={`rounded-lg border p-4 ${m.isOverdue ? 'border-red-700' : 'border-slate-200'}`}>
            <p className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-bold capitalize">{formatPeriod(m.period)}</span>
              <MonthState m={m} />
            </p>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1">
              <dt>Cotisation due</dt>
              <dd className="text-right">{formatEuros(m.dueCents)}</dd>
              <dt>Échéance</dt>
              <dd className="text-right">{formatDayShort(m.dueOn)}</dd>
              <dt>Paiements reçus</dt>
              <dd className="text-right">{formatEuros(m.receivedCents)}</dd>
              <dt>Majorations de retard</dt>
              <dd className="text-right">{formatEuros(m.penaltyCents)}</dd>
              <dt className="font-bold">Solde</dt>
              <dd className="text-right font-bold">{formatEuros(m.balanceCents)}</dd>
            </dl>
            {m.payments.length > 0 && (
              <ul className="mt-2 text-sm text-muted">
                {m.payments.map((p) => (
                  <li key={p.id}>
                    <PaymentLine p={p} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
        <li className="rounded-lg bg-brand-light p-4 font-bold">Solde total : {formatEuros(totals.balanceCents)}</li>
      </ul>
      <table className="hidden w-full border-collapse text-left md:table">
        <caption className="sr-only">Relevé de compte, du mois le plus récent au plus ancien</caption>
        <thead>
          <tr className="border-b-2 border-brand">
            <th scope="col" className="py-2 pr-3">Mois déclaré</th>
            <th scope="col" className="py-2 pr-3 text-right">Cotisation due</th>
            <th scope="col" className="py-2 pr-3 text-right">Échéance</th>
            <th scope="col" className="py-2 pr-3 text-right">Paiements reçus</th>
            <th scope="col" className="py-2 pr-3 text-right">Majorations de retard</th>
            <th scope="col" className="py-2 pr-3 text-right">Solde</th>
            <th scope="col" className="py-2">État et paiements</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.period} className={`border-b border-slate-200 align-top ${m.isOverdue ? 'bg-red-50' : ''}`}>
              <th scope="row" className="py-2 pr-3 font-semibold capitalize">{formatPeriod(m.period)}</th>
              <td className="py-2 pr-3 text-right">{formatEuros(m.dueCents)}</td>
              <td className="py-2 pr-3 text-right">{formatDayShort(m.dueOn)}</td>
              <td className="py-2 pr-3 text-right">{formatEuros(m.receivedCents)}</td>
              <td className="py-2 pr-3 text-right">{formatEuros(m.penaltyCents)}</td>
              <td className="py-2 pr-3 text-right font-semibold">{formatEuros(m.balanceCents)}</td>
              <td className="py-2">
                <MonthState m={m} />
                {m.payments.length > 0 && (
                  <ul className="mt-1 text-sm text-muted">
                    {m.payments.map((p) => (
                      <li key={p.id}>
                        <PaymentLine p={p} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-ink font-bold">
            <th scope="row" className="py-2 pr-3">Total</th>
            <td className="py-2 pr-3 text-right">{formatEuros(totals.dueCents)}</td>
            <td className="py-2 pr-3" />
            <td className="py-2 pr-3 text-right">{formatEuros(totals.receivedCents)}</td>
            <td className="py-2 pr-3 text-right">{formatEuros(totals.penaltyCents)}</td>
            <td className="py-2 pr-3 text-right">{formatEuros(totals.balanceCents)}</td>
            <td className="py-2" />
          </tr>
        </tfoot>
      </table>
    </>
  );
}

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<{ mandat?: string }> }) {
  // The company shown (own, or the client a delegated firm acts for), if the actor may read its payments.
  const ctx = await requireArea('payments', 'read');
  const company = ctx.company;
  const db = await getDb();
  const today = todayInFrance();
  const [statement, debit, caisse] = await Promise.all([getAccountStatement(db, company.id, today), getDebitState(db, company.id), getCaisse(db)]);
  const status = upToDateStatusOf(statement);
  const canWrite = ctx.grants.payments === 'write';
  const bank = getCaisseBankDetails();
  const { mandat } = await searchParams;
  const payable = statement.months.filter((m) => m.balanceCents > 0).sort((a, b) => (a.period < b.period ? -1 : 1));
  const membership = debit.membershipNumber ?? company.siret;
  const referenceExample = transferReference(membership, payable[0]?.period ?? statement.months[0]?.period ?? `${today.slice(0, 7)}-01`);

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title="Paiements" subtitle={`${company.name} · SIRET ${formatSiret(company.siret)}`} />

      <section aria-labelledby="titre-situation" className="flex flex-col gap-3 rounded-lg bg-brand-light p-5">
        <h2 id="titre-situation" className="text-xl font-bold text-brand-dark">Votre situation</h2>
        {status.upToDate ? (
          <p>
            Votre entreprise est <strong className="text-green-800">à jour</strong> de ses déclarations et du paiement de ses cotisations.
          </p>
        ) : (
          <>
            <p>
              Votre entreprise n’est <strong className="text-red-800">pas à jour</strong> :
            </p>
            <UpToDateReasons reasons={status.reasons} />
          </>
        )}
        <p>
          Solde à payer : <strong>{formatEuros(Math.max(0, statement.totals.balanceCents))}</strong>
          {statement.nextDue && (
            <>
              {' '}
              · prochaine échéance le <strong>{formatDayShort(statement.nextDue.dueOn)}</strong> ({formatEuros(statement.nextDue.balanceCents)} pour {formatPeriod(statement.nextDue.period)})
            </>
          )}
        </p>
      </section>

      {debit.suspension && (
        <section aria-labelledby="titre-suspension" className="flex flex-col gap-2 rounded border-l-4 border-red-700 bg-red-50 p-4">
          <h2 id="titre-suspension" className="text-lg font-bold text-red-900">Prélèvement automatique désactivé</h2>
          <p>
            Un prélèvement a été rejeté par votre banque ({formatDateTime(debit.suspension.suspendedAt)}) : <strong>« {debit.suspension.reason} »</strong>.
          </p>
          <p>
            Les cotisations ne sont plus prélevées automatiquement jusqu’à ce que la caisse réactive le prélèvement. En attendant, payez par virement
            (voir « Payer par virement » ci-dessous) et confirmez votre paiement.
          </p>
        </section>
      )}

      <section aria-labelledby="titre-releve" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="titre-releve" className="text-2xl font-bold text-brand-dark">Relevé de compte</h2>
          {statement.months.length > 0 && (
            <form method="post" action="/espace/paiements/releve">
              <button type="submit" className={secondaryButtonClass}>
                Télécharger le relevé de compte (PDF)
              </button>
            </form>
          )}
        </div>
        <p className="text-muted">
          Au {formatDayShort(today)}. Échéance : 45 jours après la fin du mois déclaré. Majoration de retard : 1 % de la cotisation restant due par
          mois commencé après l’échéance. Un paiement annoncé n’est compté qu’à sa réception par la caisse.
        </p>
        <Statement months={statement.months} totals={statement.totals} />
      </section>

      {canWrite && payable.length > 0 && (
        <section aria-labelledby="titre-confirmer" className="flex flex-col gap-3">
          <h2 id="titre-confirmer" className="text-2xl font-bold text-brand-dark">Confirmer un paiement</h2>
          <p>La caisse calcule ce qui est dû ; indiquez ce que vous avez payé et comment. Le paiement est compté dès que la caisse l’a reçu.</p>
          <ConfirmPaymentForm
            months={payable.map((m) => ({ period: m.period, label: formatPeriod(m.period), balance: asTyped(m.balanceCents) }))}
            idempotencyKey={crypto.randomUUID()}
            defaultMethod={debit.isDebitActive ? 'sepa_debit' : 'transfer'}
          />
        </section>
      )}

      <section aria-labelledby="titre-mode" id="mode-de-paiement" className="flex flex-col gap-4">
        <h2 id="titre-mode" className="text-2xl font-bold text-brand-dark">Mode de paiement</h2>
        {mandat === 'enregistre' && (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            Mandat enregistré. Téléchargez-le, signez-le et remettez-le à votre banque ; il figure aussi dans Mes documents.
          </p>
        )}
        <div className="flex flex-col gap-2 rounded-lg border border-slate-300 p-4">
          <h3 className="text-lg font-bold">Prélèvement SEPA interentreprises (B2B)</h3>
          {debit.mandate ? (
            <>
              <p>
                {debit.isDebitActive ? (
                  <>Vos cotisations sont prélevées automatiquement à chaque échéance.</>
                ) : (
                  <strong className="text-red-800">Prélèvement automatique désactivé.</strong>
                )}
              </p>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="text-muted">Référence unique du mandat (RUM)</dt>
                <dd className="font-semibold break-all">{debit.mandate.rum}</dd>
                <dt className="text-muted">Identifiant créancier SEPA (ICS)</dt>
                <dd className="font-semibold">{bank.creditorId}</dd>
                <dt className="text-muted">IBAN</dt>
                <dd className="font-semibold">{maskIban(debit.mandate.iban)}</dd>
                <dt className="text-muted">BIC</dt>
                <dd className="font-semibold">{debit.mandate.bic}</dd>
                <dt className="text-muted">Enregistré le</dt>
                <dd>{formatDateTime(debit.mandate.createdAt)}</dd>
              </dl>
              <a href={`/espace/paiements/mandat/${debit.mandate.id}`} download className={`${linkClass} inline-flex min-h-11 items-center`}>
                Télécharger le mandat à signer (PDF)
              </a>
            </>
          ) : (
            <p>Aucun mandat enregistré : enregistrez l’IBAN et le BIC du compte à débiter, puis signez le mandat et remettez-le à votre banque.</p>
          )}
          {canWrite && (
            <details className="mt-2" open={!debit.mandate}>
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-dark">
                {debit.mandate ? 'Changer de compte (nouveau mandat)' : 'Enregistrer un mandat de prélèvement SEPA B2B'}
              </summary>
              <div className="mt-3">
                <MandateForm hasMandate={Boolean(debit.mandate)} />
              </div>
            </details>
          )}
        </div>

        <div className="flex flex-col gap-2 rounded-lg border border-slate-300 p-4">
          <h3 className="text-lg font-bold">Payer par virement</h3>
          <p>Virez le montant dû sur le compte de la caisse, en indiquant la référence de paiement du mois réglé.</p>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="text-muted">Bénéficiaire</dt>
            <dd className="font-semibold">{caisse.legalName}</dd>
            <dt className="text-muted">IBAN</dt>
            <dd className="font-semibold">{formatIban(bank.iban)}</dd>
            <dt className="text-muted">BIC</dt>
            <dd className="font-semibold">{bank.bic}</dd>
            <dt className="text-muted">Référence à indiquer</dt>
            <dd className="font-semibold break-all">{referenceExample}</dd>
          </dl>
          <p className="text-sm text-muted">La référence se termine par le mois réglé (AAAAMM) : {referenceExample.slice(0, -6)}AAAAMM.</p>
        </div>
      </section>
    </div>
  );
}
