import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { decodeSegment } from '@/lib/attestations/http';
import { verifyAttestation, type Verification } from '@/lib/attestations/verify';
import { requestInfo } from '@/lib/auth/request-info';
import { formatSiret } from '@/lib/companies/siret';
import { formatDayLong } from '@/lib/format';
import { VerificationCodeForm } from '../code-form';

export const metadata: Metadata = { title: 'Vérification d’une attestation', robots: { index: false, follow: false } };

type Tone = 'ok' | 'warn' | 'bad' | 'neutral';
const toneClasses: Record<Tone, string> = {
  ok: 'border-green-700 bg-green-50 text-green-900',
  warn: 'border-amber-600 bg-amber-50 text-amber-950',
  bad: 'border-red-700 bg-red-50 text-red-900',
  neutral: 'border-slate-500 bg-slate-50 text-ink',
};
const toneIcons: Record<Tone, string> = { ok: '✓', warn: '!', bad: '✗', neutral: '?' };

function Verdict({ tone, title, children }: { tone: Tone; title: string; children?: React.ReactNode }) {
  return (
    <section aria-labelledby="verdict" className={`rounded-xl border-l-8 p-5 ${toneClasses[tone]}`}>
      <h2 id="verdict" className="flex items-center gap-3 text-2xl font-black sm:text-3xl">
        <span aria-hidden="true" className="grid h-10 w-10 shrink-0 place-items-center rounded-full bg-white text-2xl">
          {toneIcons[tone]}
        </span>
        {title}
      </h2>
      {children && <div className="mt-3 text-lg">{children}</div>}
    </section>
  );
}

function Details({ v }: { v: Extract<Verification, { attestation: unknown }> }) {
  const a = v.attestation;
  const rows: [string, string][] = [
    ['Entreprise', a.companyName],
    ['SIRET', formatSiret(a.siret)],
    ['Date de délivrance', formatDayLong(a.issuedOn)],
    ['Fin de validité', formatDayLong(a.validUntil)],
    ['Numéro d’attestation', a.number],
    ['Code de vérification', v.code],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 p-5 sm:grid-cols-[auto_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="mb-2 text-lg font-bold sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function SignatureNote({ v }: { v: Extract<Verification, { attestation: unknown }> }) {
  return v.signature === 'verified' ? (
    <p className="flex items-start gap-2">
      <span aria-hidden="true" className="font-bold text-green-800">✓</span>
      <span>
        La signature électronique du QR code a été vérifiée avec la clé publique de la caisse{v.kid ? ` (« ${v.kid} »)` : ''} : les
        informations ci-dessus sont bien celles que la caisse a signées.
      </span>
    </p>
  ) : (
    <p className="text-muted">
      Vérification faite à partir du code saisi. Scanner le QR code de l’attestation permet en plus de vérifier sa signature électronique.
    </p>
  );
}

/** What the QR code opens: the verdict at a glance, then the few facts a buyer needs, nothing else. */
export default async function VerificationPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ s?: string | string[] }>;
}) {
  const [{ code: segment }, { s }, h] = await Promise.all([params, searchParams, headers()]);
  const code = decodeSegment(segment);
  const v = await verifyAttestation(await getDb(), {
    code,
    signature: typeof s === 'string' ? s : null,
    channel: 'page',
    ip: requestInfo(h).ip,
  });

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-black text-brand-dark">Vérification d’une attestation de mise à jour</h1>
      {v.verdict === 'invalid_code' && (
        <>
          <Verdict tone="neutral" title="Code de vérification incorrect" />
          <VerificationCodeForm defaultValue={code} error={v.message} />
        </>
      )}
      {v.verdict === 'throttled' && (
        <Verdict tone="neutral" title="Trop de vérifications">
          Trop de vérifications ont été demandées depuis votre connexion. Réessayez dans {Math.max(1, Math.ceil(v.retryAfterSeconds / 60))} minute
          {v.retryAfterSeconds > 60 ? 's' : ''}.
        </Verdict>
      )}
      {v.verdict === 'not_authentic' && (
        <Verdict tone="bad" title="Attestation non authentique">
          La signature électronique de ce QR code ne correspond à aucune attestation délivrée par la caisse : le document a pu être modifié.
          Ne vous y fiez pas et contactez l’entreprise ou la caisse.
        </Verdict>
      )}
      {v.verdict === 'unknown' && (
        <Verdict tone="bad" title="Attestation inconnue">
          Aucune attestation ne porte le code {v.code}. Vérifiez le code sur le document ; s’il est exact, ce document n’a pas été délivré par
          la caisse.
        </Verdict>
      )}
      {v.verdict === 'valid' && (
        <Verdict tone="ok" title="Attestation authentique et valide">
          Délivrée par la caisse, valable jusqu’au {formatDayLong(v.attestation.validUntil)} inclus.
        </Verdict>
      )}
      {v.verdict === 'expired' && (
        <Verdict tone="warn" title="Attestation expirée">
          Authentique, mais expirée depuis le {formatDayLong(v.expiredSince)}. Demandez une attestation récente à l’entreprise.
        </Verdict>
      )}
      {v.verdict === 'revoked' && (
        <Verdict tone="bad" title="Attestation révoquée">
          La caisse a révoqué cette attestation le {formatDayLong(v.revokedOn)} : elle ne vaut plus. Demandez une attestation récente à
          l’entreprise.
        </Verdict>
      )}
      {'attestation' in v && <Details v={v} />}
      {(v.verdict === 'valid' || v.verdict === 'expired' || v.verdict === 'revoked') && <SignatureNote v={v} />}
      <p>
        <Link href="/verifier" className="inline-flex min-h-11 items-center font-semibold text-brand underline">
          Vérifier une autre attestation
        </Link>
      </p>
    </div>
  );
}
