import { count, eq, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { attestations, organisations, users } from '@/db/schema';
import { demoAttestationUser, demoCompanies, seedDemo } from '@/db/seed';
import { getSessionPolicy } from '@/lib/auth/current';
import { createSession } from '@/lib/auth/sessions';
import { getEnv } from '@/lib/env';
import { todayInFrance } from '@/lib/format';
import { GET as redownload } from '@/app/espace/attestations/[number]/pdf/route';
import { POST as issue } from '@/app/espace/attestations/telecharger/route';
import { engines, useTestDatabase } from '../support/db';
import { cookieJar as jar } from '../support/next-headers';
import { expectUnavailablePage } from '../support/unavailable-page';

// The two attestation handlers called as Next calls them, with a real session and database. What is
// checked: a failure half way (the PDF cannot be made, the database fails) issues nothing and answers
// with a French message, never Next's bare 500.

vi.mock('next/headers', async () => (await import('../support/next-headers')).nextHeadersMock);

// A render that fails once on demand (a font file gone, a thread that died): the rest is the real renderer.
const render = vi.hoisted(() => ({ failNext: false }));
vi.mock('@/lib/attestations/pdf-pool', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/attestations/pdf-pool')>();
  return {
    ...real,
    renderAttestationPdf: (...args: Parameters<typeof real.renderAttestationPdf>) => {
      if (render.failNext) {
        render.failNext = false;
        return Promise.reject(new Error('police introuvable'));
      }
      return real.renderAttestationPdf(...args);
    },
  };
});

const origin = 'http://localhost:3000';
const issueRequest = (companyId: string) => {
  const body = new FormData();
  body.set('companyId', companyId);
  return new Request(`${origin}/espace/attestations/telecharger`, { method: 'POST', headers: { origin, host: 'localhost:3000' }, body });
};
const redownloadRequest = (number: string) =>
  redownload(new Request(`${origin}/espace/attestations/${number}/pdf`), { params: Promise.resolve({ number }) });

describe.each(engines)('attestation download handlers when something fails (%s)', (engine) => {
  const db = useTestDatabase(engine);
  let reimsId = '';
  const issuedCount = async () => (await db().select({ n: count() }).from(attestations).where(eq(attestations.companyId, reimsId)))[0]!.n;

  beforeAll(async () => {
    await seedDemo(db(), { today: todayInFrance(new Date()) });
    reimsId = (await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.siret, demoCompanies.reims.siret)))[0]!.id;
  });
  beforeEach(async () => {
    jar.clear();
    const userId = (await db().select({ id: users.id }).from(users).where(eq(users.email, demoAttestationUser.email)))[0]!.id;
    const sid = await createSession(db(), { userId, isMfaVerified: true }, getSessionPolicy());
    jar.set('authjs.session-token', await encode({ token: { sub: userId, sid }, secret: getEnv().authSecret, salt: 'authjs.session-token', maxAge: 3600 }));
  });

  it('issues and answers with the PDF when all is well', async () => {
    const before = await issuedCount();
    const res = await issue(issueRequest(reimsId));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await issuedCount()).toBe(before + 1);
  });

  it('a PDF that cannot be made: nothing issued, back to the page with « erreur », then the next click works', async () => {
    const before = await issuedCount();
    render.failNext = true;
    const res = await issue(issueRequest(reimsId));
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location')!).pathname + new URL(res.headers.get('location')!).search).toBe('/espace/attestations?erreur=1');
    expect(await issuedCount()).toBe(before);

    const again = await issue(issueRequest(reimsId));
    expect(again.status).toBe(200);
    expect(await issuedCount()).toBe(before + 1);
  });

  it('the database failing under the issue or the re-download: nothing issued, a French 503 page, no stack trace', async () => {
    const first = await issue(issueRequest(reimsId));
    const number = first.headers.get('x-attestation-number')!;
    expect(number).toMatch(/^ATT-\d{4}-\d{6}$/);
    const before = await issuedCount();

    // A real failure of the statements that read and write attestations (the table is out of reach).
    await db().execute(sql`alter table attestations rename to attestations_away`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const failedIssue = await issue(issueRequest(reimsId));
      expect(failedIssue.status).toBe(303);
      expect(failedIssue.headers.get('location')).toContain('/espace/attestations?erreur=1');

      await expectUnavailablePage(await redownloadRequest(number), 'Le fichier de l’attestation n’a pas pu être préparé', /attestations_away|relation|at .*\.ts/);

      // The log says what failed, in the database's words, without the statement's parameters (the PDF, the
      // signature, the user's address and browser).
      const lines = logged.mock.calls.map((args) => args.join(' '));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^\[attestations: issue\] failed: .*attestations/);
      expect(lines[1]).toMatch(/^\[attestations: re-download\] failed: .*attestations/);
      for (const line of lines) expect(line).not.toMatch(/params|%PDF|insert into|203\.0\.113|eyJ/);
    } finally {
      logged.mockRestore();
      await db().execute(sql`alter table attestations_away rename to attestations`);
    }
    expect(await issuedCount()).toBe(before);
    const ok = await redownloadRequest(number);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
  });
});
