import type { Metadata } from 'next';
import { getDb } from '@/db';
import { canActOnAttestations } from '@/lib/attestations/access';
import { listCompanyAttestations, type AttestationHistoryRow } from '@/lib/attestations/queries';
import { attestationStatusLabels, getAttestationState } from '@/lib/attestations/rules';
import { requireArea } from '@/lib/access/context';
import { formatSiret } from '@/lib/companies/siret';
import { getUpToDateStatus } from '@/lib/companies/status';
import { formatDayShort, todayInFrance } from '@/lib/format';
import { DownloadAttestationButton } from './download-button';
import { ISSUE_FAILED_MESSAGE } from './messages';
import { PageHeader } from '@/app/espace/_components/page-header';
import { UpToDateReasons } from '@/app/espace/_components/up-to-date-reasons';

export const metadata: Metadata = { title: 'Attestations' };

const statusClasses = {
  valid: 'bg-green-100 text-green-900',
  expired: 'bg-slate-200 text-ink',
  revoked: 'bg-red-100 text-red-900',
} as const;

function StatusBadge({ row, today }: { row: AttestationHistoryRow; today: string }) {
  const { status } = getAttestationState(row, today);
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${statusClasses[status]}`}>{attestationStatusLabels[status]}</span>;
}

function verificationCount(n: number) {
  return n === 0 ? 'jamais vérifiée' : n === 1 ? '1 fois' : `${n} fois`;
}

function DownloadLink({ number }: { number: string }) {
  return (
    <a href={`/espace/attestations/${number}/pdf`} className="inline-flex min-h-11 items-center font-semibold text-brand underline" download>
      Télécharger<span className="sr-only"> l’attestation {number}</span>&nbsp;(PDF)
    </a>
  );
}

function History({ rows, today }: { rows: AttestationHistoryRow[]; today: string }) {
  if (rows.length === 0) return <p className="text-muted">Aucune attestation délivrée pour l’instant.</p>;
  return (
    <>
      {/* Phones: one card per attestation; wider screens: the table. Only one is ever displayed. */}
      <ul className="flex flex-col gap-3 sm:hidden">
        {rows.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 p-4">
            <p className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-bold">{r.number}</span>
              <StatusBadge row={r} today={today} />
            </p>
            <p className="mt-1">
              Délivrée le {formatDayShort(r.issuedOn)}, valable jusqu’au {formatDayShort(r.validUntil)}
            </p>
            <p className="text-muted">Vérifications : {verificationCount(r.verificationCount)}</p>
            <DownloadLink number={r.number} />
          </li>
        ))}
      </ul>
      <table className="hidden w-full border-collapse text-left sm:table">
        <caption className="sr-only">Attestations délivrées, de la plus récente à la plus ancienne</caption>
        <thead>
          <tr className="border-b-2 border-brand">
            <th scope="col" className="py-2 pr-4">Numéro</th>
            <th scope="col" className="py-2 pr-4">Délivrée le</th>
            <th scope="col" className="py-2 pr-4">Valable jusqu’au</th>
            <th scope="col" className="py-2 pr-4">Statut</th>
            <th scope="col" className="py-2 pr-4">Vérifications</th>
            <th scope="col" className="py-2">Document</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-semibold">{r.number}</th>
              <td className="py-2 pr-4">{formatDayShort(r.issuedOn)}</td>
              <td className="py-2 pr-4">{formatDayShort(r.validUntil)}</td>
              <td className="py-2 pr-4">
                <StatusBadge row={r} today={today} />
              </td>
              <td className="py-2 pr-4">{verificationCount(r.verificationCount)}</td>
              <td className="py-2">
                <DownloadLink number={r.number} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export default async function AttestationsPage({ searchParams }: { searchParams: Promise<{ refus?: string; erreur?: string }> }) {
  // The company shown (own, or the client a delegated firm acts for), if the actor may read its attestations.
  const ctx = await requireArea('attestations', 'read');
  const session = ctx.session;
  const company = ctx.company;
  const db = await getDb();

  const { refus, erreur } = await searchParams;
  const now = new Date();
  const today = todayInFrance(now);
  const [status, rows, canIssue] = await Promise.all([
    getUpToDateStatus(db, company.id, now),
    listCompanyAttestations(db, company.id),
    canActOnAttestations(db, session.userId, company.id, 'write'),
  ]);

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title="Attestations" subtitle={`${company.name} · SIRET ${formatSiret(company.siret)}`} />

      <section aria-labelledby="titre-nouvelle" className="flex flex-col gap-4 rounded-lg bg-brand-light p-5">
        <h2 id="titre-nouvelle" className="text-xl font-bold text-brand-dark">Attestation de mise à jour</h2>
        {erreur !== undefined && (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-white p-3 font-semibold text-red-800">
            {ISSUE_FAILED_MESSAGE}
          </p>
        )}
        {refus !== undefined && !status.upToDate && (
          <p className="rounded border-l-4 border-red-700 bg-white p-3 font-semibold text-red-800">L’attestation n’a pas pu être délivrée.</p>
        )}
        {status.upToDate ? (
          <>
            <p>
              Votre entreprise est à jour de ses déclarations et du paiement de ses cotisations. L’attestation, signée électroniquement par la
              caisse, se vérifie en un instant avec son QR code ou son code de vérification.
            </p>
            {canIssue && <DownloadAttestationButton companyId={company.id} />}
          </>
        ) : (
          <>
            <p>
              Votre entreprise n’est pas à jour : la caisse ne peut pas délivrer d’attestation de mise à jour pour l’instant. Voici ce qui
              manque :
            </p>
            <UpToDateReasons reasons={status.reasons} />
            <p>Dès que votre situation est régularisée, le bouton de téléchargement apparaît sur cette page.</p>
          </>
        )}
      </section>

      <section aria-labelledby="titre-historique" className="flex flex-col gap-3">
        <h2 id="titre-historique" className="text-xl font-bold text-brand-dark">Attestations délivrées</h2>
        <History rows={rows} today={today} />
      </section>
    </div>
  );
}
