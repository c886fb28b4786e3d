import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DbHandle } from '@/db/client';
import { closeDb, setDbHandle } from '@/db';
import { getEnv } from '@/lib/env';
import { GET as verifyApi } from '@/app/api/attestations/verify/[code]/route';
import { GET as verifierPage } from '@/app/(public)/verifier/[code]/route';
import { GET as attestationPdf } from '@/app/espace/attestations/[number]/pdf/route';
import { POST as issueAttestation } from '@/app/espace/attestations/telecharger/route';
import { GET as leaveCsv } from '@/app/espace/conges/export.csv/route';
import { GET as leaveIcs } from '@/app/espace/conges/export.ics/route';
import { POST as leaveCertificate } from '@/app/espace/conges/salaries/[id]/certificat/route';
import { GET as declarationReceipt } from '@/app/espace/declarations/accuse/[id]/route';
import { POST as uploadDocument } from '@/app/espace/documents/deposer/route';
import { GET as documentFile } from '@/app/espace/documents/[id]/fichier/route';
import { GET as mandate } from '@/app/espace/paiements/mandat/[id]/route';
import { POST as statement } from '@/app/espace/paiements/releve/route';
import { GET as workersModel } from '@/app/espace/salaries/importer/modele/route';
import { cookieJar } from '../support/next-headers';
import { expectUnavailablePage } from '../support/unavailable-page';

vi.mock('next/headers', async () => (await import('../support/next-headers')).nextHeadersMock);

// The database out of reach (a server that is down or restarting: nothing listens on that port). Every
// route handler that reads it answers in French, with 503 and Retry-After, and logs the reason — never
// Next's bare 500, never the error's text in the answer.
describe('route handlers when the database is out of reach', () => {
  let unreachable: DbHandle | undefined;
  const origin = 'http://localhost:3000';
  const id = '00000000-0000-4000-8000-000000000001';
  const params = <T>(p: T) => ({ params: Promise.resolve(p) });
  const post = (path: string, form: Record<string, string> = {}) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(form)) body.set(k, v);
    return new Request(`${origin}${path}`, { method: 'POST', headers: { origin, host: 'localhost:3000' }, body });
  };
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

  // A new client for each test: postgres.js waits longer before each new attempt of the same client
  // (its reconnection backoff), which would only slow the tests down.
  beforeEach(async () => {
    await unreachable?.close();
    unreachable = await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:9/espace_absente', max: 1 });
    setDbHandle(unreachable);
  });
  beforeAll(async () => {
    // A signed-in member's cookie: the handlers get past it to the database (the session row is read there).
    const sid = '00000000-0000-4000-8000-0000000000aa';
    cookieJar.set('authjs.session-token', await encode({ token: { sub: 'x', sid }, secret: getEnv().authSecret, salt: 'authjs.session-token', maxAge: 3600 }));
  });
  afterAll(async () => {
    cookieJar.clear();
    logged.mockRestore();
    await closeDb();
  });

  const htmlAnswers: [string, () => Promise<Response>, string][] = [
    ['GET /espace/conges/export.csv', () => leaveCsv(), 'L’export des congés n’a pas pu être préparé'],
    ['GET /espace/conges/export.ics', () => leaveIcs(), 'Le calendrier des congés n’a pas pu être préparé'],
    ['POST /espace/conges/salaries/[id]/certificat', () => leaveCertificate(post(`/espace/conges/salaries/${id}/certificat`), params({ id })), 'Aucun certificat n’a été enregistré'],
    ['GET /espace/declarations/accuse/[id]', () => declarationReceipt(new Request(`${origin}/espace/declarations/accuse/${id}`), params({ id })), 'L’accusé de réception'],
    ['GET /espace/documents/[id]/fichier', () => documentFile(new Request(`${origin}/espace/documents/${id}/fichier`), params({ id })), 'Il reste dans « Mes documents »'],
    ['GET /espace/paiements/mandat/[id]', () => mandate(new Request(`${origin}/espace/paiements/mandat/${id}`), params({ id })), 'Le mandat de prélèvement'],
    ['POST /espace/paiements/releve', () => statement(post('/espace/paiements/releve')), 'Aucun relevé n’a été enregistré'],
    ['GET /espace/salaries/importer/modele', () => workersModel(), 'Le fichier modèle'],
    ['GET /espace/attestations/[number]/pdf', () => attestationPdf(new Request(`${origin}/espace/attestations/ATT-2026-000001/pdf`), params({ number: 'ATT-2026-000001' })), 'Le fichier de l’attestation'],
    ['GET /verifier/[code]', () => verifierPage(new Request(`${origin}/verifier/7KQ2-M9XD-4TFA-RC38`), params({ code: '7KQ2-M9XD-4TFA-RC38' })), 'Cela ne dit rien de l’attestation'],
  ];

  it.each(htmlAnswers)('%s: a French 503 page with Retry-After', async (_route, call, sentence) => {
    logged.mockClear();
    await expectUnavailablePage(await call(), sentence, /ECONNREFUSED|127\.0\.0\.1|select |Error/);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![0])).toMatch(/^\[[\w :-]+\] failed:$/);
    expect(String(logged.mock.calls[0]![1])).toMatch(/ECONNREFUSED|connect/);
  });

  it('GET /api/attestations/verify/[code]: a 503 JSON error the README documents', async () => {
    const res = await verifyApi(new Request(`${origin}/api/attestations/verify/7KQ2-M9XD-4TFA-RC38`), params({ code: '7KQ2-M9XD-4TFA-RC38' }));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({
      error: 'unavailable',
      message: 'Vérification momentanément impossible (incident technique de la caisse) : réessayez dans quelques minutes.',
      retryAfterSeconds: 30,
    });
  });

  it('POST /espace/attestations/telecharger: back to the page, which says so', async () => {
    const res = await issueAttestation(post('/espace/attestations/telecharger', { companyId: id }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${origin}/espace/attestations?erreur=1`);
  });

  it('POST /espace/documents/deposer: the field says nothing was recorded (JSON for the progress bar, a redirect without JavaScript)', async () => {
    const upload = (accept?: string) => {
      const req = post(`/espace/documents/deposer?entreprise=${id}`, { titre: 'Kbis 2026' });
      if (accept) req.headers.set('accept', accept);
      return uploadDocument(req);
    };
    const json = await upload('application/json');
    expect(json.status).toBe(503);
    expect(await json.json()).toEqual({
      ok: false,
      message: 'Le document n’a pas été déposé.',
      fieldErrors: { fichier: 'Un incident technique de notre côté a empêché le dépôt : rien n’a été enregistré. Réessayez dans quelques minutes.' },
    });
    const form = await upload();
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe(`${origin}/espace/documents?erreur-fichier=unavailable#deposer`);
  });

  it('a malformed code is still refused before the database is asked (no 503 for a typo)', async () => {
    const res = await verifyApi(new Request(`${origin}/api/attestations/verify/0000`), params({ code: '0000' }));
    expect(res.status).toBe(400);
  });

  it('Next’s own control flow goes through untouched (no session: the redirect to the sign-in page)', async () => {
    cookieJar.clear();
    try {
      await expect(leaveCsv()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/connexion/) });
    } finally {
      const sid = '00000000-0000-4000-8000-0000000000aa';
      cookieJar.set('authjs.session-token', await encode({ token: { sub: 'x', sid }, secret: getEnv().authSecret, salt: 'authjs.session-token', maxAge: 3600 }));
    }
  });
});
