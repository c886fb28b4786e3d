// A stand-in for lib/attestations/pdf-worker.ts (tests/unit/pdf-pool.test.ts): answers like it, and
// misbehaves on request through the attestation number.
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', ({ id, data }) => {
  if (data.number === 'crash') process.exit(3);
  if (data.number === 'hang') return;
  if (data.number === 'fail') return parentPort.postMessage({ id, error: 'police introuvable' });
  const delay = data.number.startsWith('slow') ? 50 : 0;
  setTimeout(() => parentPort.postMessage({ id, pdf: new TextEncoder().encode(`%PDF-${data.number}@${threadId}`) }), delay);
});
