import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { formatVerificationCode, parseVerificationCode } from '@/lib/attestations/code';
import { VerificationCodeForm } from './code-form';

export const metadata: Metadata = { title: 'Vérifier une attestation de mise à jour' };

/**
 * /verifier: type the code printed on an attestation. The check character is tested here, before any
 * lookup: a typo gets its message on the field; a well-formed code goes to its verdict page.
 */
export default async function VerifierPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  const typed = typeof code === 'string' ? code : undefined;
  let error: string | undefined;
  if (typed !== undefined) {
    const parsed = parseVerificationCode(typed);
    if (parsed.ok) redirect(`/verifier/${formatVerificationCode(parsed.code)}`);
    error = parsed.message;
  }
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-3xl font-black text-brand-dark">Vérifier une attestation de mise à jour</h1>
      <p className="text-lg">
        Scannez le QR code de l’attestation avec l’appareil photo de votre téléphone, ou saisissez son code de vérification : vous saurez
        aussitôt si elle est authentique et valide.
      </p>
      <VerificationCodeForm defaultValue={typed} error={error} />
      <section aria-labelledby="titre-machines" className="rounded-lg bg-slate-50 p-4 text-sm text-muted">
        <h2 id="titre-machines" className="font-bold text-ink">Vérification automatique ou hors ligne</h2>
        <p className="mt-1">
          Les logiciels peuvent interroger <code>/api/attestations/verify/&lt;code&gt;</code> (réponse JSON). La signature électronique du QR
          code se vérifie hors ligne avec les clés publiques de la caisse : <a className="text-brand underline" href="/.well-known/jwks.json">/.well-known/jwks.json</a>.
        </p>
      </section>
    </div>
  );
}
