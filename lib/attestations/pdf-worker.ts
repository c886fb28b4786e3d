// A PDF render thread (lib/attestations/pdf-pool.ts starts them): renders attestations sent by the
// server's main thread and sends the bytes back. Nothing else runs here: no database, no secrets.
import { parentPort } from 'node:worker_threads';
import { renderAttestationPdfHere, type AttestationPdfData } from './pdf';

export type PdfJob = { id: number; data: AttestationPdfData };
export type PdfJobResult = { id: number; pdf: Uint8Array } | { id: number; error: string };

// Warm-up at start: loads the fonts and runs the layout code a few times, so that the first downloads
// are not the slow ones.
const sample: AttestationPdfData = {
  caisse: { name: 'Caisse', legalName: 'Caisse', addressLine: '1 rue', postcode: '54000', city: 'Nancy', phone: '03 00 00 00 00', email: 'a@b.fr', website: 'https://exemple.fr', siret: '00000000000000' },
  number: 'ATT-2000-000000',
  code: '0000000000000000',
  company: { name: 'Entreprise', siret: '00000000000000', addressLine: '1 rue', postcode: '54000', city: 'Nancy', membershipNumber: null },
  issuedAt: new Date(0),
  issuedOn: '2000-01-01',
  validUntil: '2000-03-31',
  qrUrl: 'https://exemple.fr/verifier/0000',
  verifierUrl: 'https://exemple.fr/verifier',
  jwksUrl: 'https://exemple.fr/.well-known/jwks.json',
};
void (async () => {
  for (let i = 0; i < 5; i++) await renderAttestationPdfHere(sample);
})().catch(() => {});

parentPort?.on('message', (job: PdfJob) => {
  renderAttestationPdfHere(job.data).then(
    (pdf) => parentPort!.postMessage({ id: job.id, pdf } satisfies PdfJobResult),
    (err: unknown) => parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) } satisfies PdfJobResult),
  );
});
