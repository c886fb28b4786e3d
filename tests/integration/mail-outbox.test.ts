import { createElement } from 'react';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import TestEmail, { testEmailSubject } from '@/emails/test-email';
import { createResendTransport, dispatchDueMail, TransportError, type MailTransport } from '@/lib/mail/dispatcher';
import { enqueueMail, getMailCaisse } from '@/lib/mail/outbox';
import { engines, useTestDatabase } from '../support/db';
import { ok, providerError, startFakeResend } from '../support/fake-resend';
import { databaseUrlFor } from '../support/pg-urls';

const API_KEY = 're_test_outbox';
const FROM = 'CIBTP Grand Est <ne-pas-repondre@cibtp-grandest.test>';
const HOUR = 3_600_000;

async function enqueueTestEmail(db: Db, to: string): Promise<string> {
  return db.transaction(async (tx) => {
    const caisse = await getMailCaisse(tx);
    return enqueueMail(tx, { template: 'test-email', to, subject: testEmailSubject, element: createElement(TestEmail, { caisse, appUrl: 'http://localhost:3000' }) });
  });
}

async function getMessage(db: Db, id: string) {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}

/** A clock the test moves forward, so backoff delays pass without waiting. */
function testClock() {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) };
}

describe.each(engines)('mail outbox and dispatcher (%s)', (engine) => {
  const db = useTestDatabase(engine);

  beforeEach(async () => {
    await db().delete(mailOutbox);
  });

  it('never sends an email written in a transaction that rolled back, and sends the committed one', async () => {
    const provider = await startFakeResend();
    try {
      await expect(
        db().transaction(async (tx) => {
          const caisse = await getMailCaisse(tx);
          await enqueueMail(tx, { template: 'test-email', to: 'annule@example.test', subject: testEmailSubject, element: createElement(TestEmail, { caisse }) });
          throw new Error('the change failed after the email was written');
        }),
      ).rejects.toThrow('the change failed');
      await enqueueTestEmail(db(), 'valide@example.test');

      expect((await db().select().from(mailOutbox)).map((m) => m.toAddress)).toEqual(['valide@example.test']);
      const result = await dispatchDueMail(db(), { transport: createResendTransport(API_KEY, provider.baseUrl), from: FROM, maxAttempts: 3 });
      expect(result).toEqual({ sent: 1, failed: 0 });
      expect(provider.received.map((r) => r.body.to)).toEqual(['valide@example.test']);
    } finally {
      await provider.close();
    }
  });

  it('retries a provider answering 500 until delivered, once, with the same idempotency key', async () => {
    // Two different failures: a JSON error as Resend writes them, then a bare 503 from a proxy.
    const provider = await startFakeResend((_req, i) =>
      i === 0 ? providerError(500, 'internal_server_error') : i === 1 ? { status: 503, body: 'Service Unavailable', contentType: 'text/plain' } : ok(),
    );
    try {
      const id = await enqueueTestEmail(db(), 'Chef.Chantier@Example.test');
      const clock = testClock();
      const options = { transport: createResendTransport(API_KEY, provider.baseUrl), from: FROM, maxAttempts: 5, now: clock.now };

      expect(await dispatchDueMail(db(), options)).toEqual({ sent: 0, failed: 1 });
      expect(await getMessage(db(), id)).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('500') });
      // The backoff holds it back until its time comes.
      expect(await dispatchDueMail(db(), options)).toEqual({ sent: 0, failed: 0 });
      expect(provider.received).toHaveLength(1);

      clock.advance(HOUR);
      expect(await dispatchDueMail(db(), options)).toEqual({ sent: 0, failed: 1 });
      expect(await getMessage(db(), id)).toMatchObject({ status: 'pending', attempts: 2, lastError: expect.stringContaining('503') });

      clock.advance(HOUR);
      expect(await dispatchDueMail(db(), options)).toEqual({ sent: 1, failed: 0 });
      clock.advance(24 * HOUR);
      expect(await dispatchDueMail(db(), options)).toEqual({ sent: 0, failed: 0 });

      const message = await getMessage(db(), id);
      expect(message).toMatchObject({ status: 'sent', attempts: 3, providerMessageId: 'fake-1', lastError: null, lockedUntil: null });
      expect(message!.sentAt).toBeInstanceOf(Date);
      expect(provider.received).toHaveLength(3);
      expect(provider.delivered).toHaveLength(1);
      for (const r of provider.received) {
        expect(r).toMatchObject({ method: 'POST', path: '/emails' });
        expect(r.headers.authorization).toBe(`Bearer ${API_KEY}`);
        expect(r.headers['idempotency-key']).toBe(`outbox-${id}`);
        expect(r.body).toMatchObject({ from: FROM, to: 'chef.chantier@example.test', subject: testEmailSubject });
        expect(r.body.html).toContain('CIBTP Grand Est');
        expect(r.body.text).toContain('Se connecter');
      }
    } finally {
      await provider.close();
    }
  });

  it('marks a message failed at once on a permanent 4xx, and retries a 429', async () => {
    const provider = await startFakeResend((req) =>
      req.body.to === 'refuse@example.test' ? providerError(422, 'validation_error', 'Invalid `to` field.') : providerError(429, 'rate_limit_exceeded'),
    );
    try {
      const refused = await enqueueTestEmail(db(), 'refuse@example.test');
      const limited = await enqueueTestEmail(db(), 'limite@example.test');
      const clock = testClock();
      const options = { transport: createResendTransport(API_KEY, provider.baseUrl), from: FROM, maxAttempts: 5, now: clock.now };
      await dispatchDueMail(db(), options);
      expect(await getMessage(db(), refused)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('422') });
      expect(await getMessage(db(), limited)).toMatchObject({ status: 'pending', attempts: 1 });

      for (let i = 0; i < 3; i++) {
        clock.advance(HOUR);
        await dispatchDueMail(db(), options);
      }
      expect(provider.received.filter((r) => r.body.to === 'refuse@example.test')).toHaveLength(1);
      expect(await getMessage(db(), limited)).toMatchObject({ status: 'pending', attempts: 4 });
    } finally {
      await provider.close();
    }
  });

  it('gives up after the maximum number of attempts on a provider that keeps failing', async () => {
    const provider = await startFakeResend(() => providerError(500, 'internal_server_error'));
    try {
      const id = await enqueueTestEmail(db(), 'jamais@example.test');
      const clock = testClock();
      const options = { transport: createResendTransport(API_KEY, provider.baseUrl), from: FROM, maxAttempts: 3, now: clock.now };
      for (let i = 0; i < 6; i++) {
        await dispatchDueMail(db(), options);
        clock.advance(2 * HOUR);
      }
      expect(provider.received).toHaveLength(3);
      expect(await getMessage(db(), id)).toMatchObject({ status: 'failed', attempts: 3 });
    } finally {
      await provider.close();
    }
  });

  it('takes over a message left in "sending" once its lease has expired, not before', async () => {
    const provider = await startFakeResend();
    try {
      const expired = await enqueueTestEmail(db(), 'bail-expire@example.test');
      const held = await enqueueTestEmail(db(), 'bail-en-cours@example.test');
      // As an instance that crashed mid-send leaves them (attempt counted, lease set).
      await db().update(mailOutbox).set({ status: 'sending', attempts: 1, lockedUntil: sql`now() - interval '1 minute'` }).where(eq(mailOutbox.id, expired));
      await db().update(mailOutbox).set({ status: 'sending', attempts: 1, lockedUntil: sql`now() + interval '5 minutes'` }).where(eq(mailOutbox.id, held));

      const transport = createResendTransport(API_KEY, provider.baseUrl);
      expect(await dispatchDueMail(db(), { transport, from: FROM, maxAttempts: 5 })).toEqual({ sent: 1, failed: 0 });
      expect(await getMessage(db(), expired)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(await getMessage(db(), held)).toMatchObject({ status: 'sending', attempts: 1 });
      expect(provider.received.map((r) => r.body.to)).toEqual(['bail-expire@example.test']);
    } finally {
      await provider.close();
    }
  });

  it('does not requeue a message delivered by another instance when the first one fails late', async () => {
    const id = await enqueueTestEmail(db(), 'lent@example.test');
    const clock = testClock();
    let failSlowSend!: () => void;
    const slow: MailTransport = {
      send: () => new Promise((_resolve, reject) => (failSlowSend = () => reject(new TransportError('timeout', false)))),
    };
    const sent: string[] = [];
    const fast: MailTransport = { send: async (m) => (sent.push(m.id), { providerId: 'fast-1' }) };

    const first = dispatchDueMail(db(), { transport: slow, from: FROM, maxAttempts: 5, now: clock.now, leaseMs: 60_000 });
    await expect.poll(() => failSlowSend !== undefined).toBe(true);
    clock.advance(61_000);
    expect(await dispatchDueMail(db(), { transport: fast, from: FROM, maxAttempts: 5, now: clock.now })).toEqual({ sent: 1, failed: 0 });
    failSlowSend();
    await first;

    expect(await getMessage(db(), id)).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: 'fast-1' });
    clock.advance(24 * HOUR);
    await dispatchDueMail(db(), { transport: fast, from: FROM, maxAttempts: 5, now: clock.now });
    expect(sent).toEqual([id]);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('mail dispatchers on several instances (postgres)', () => {
  const db = useTestDatabase('postgres');
  let second: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    // A second connection pool on the same database, as a second app instance would have.
    const [row] = (await db().execute(sql`select current_database() as name`)) as unknown as { name: string }[];
    second = await openDatabase({ kind: 'postgres', url: databaseUrlFor(process.env.DATABASE_URL!, row!.name), max: 3 });
    await second.db.execute(sql`select 1`); // connected before the race starts
  });
  afterAll(async () => {
    await second?.close();
  });

  it('two dispatchers running at once deliver each of 50 messages exactly once', async () => {
    // An instant provider: the instances spend their time claiming, so their claims overlap (without the
    // row locks, this test sees 55–60 deliveries).
    const provider = await startFakeResend();
    try {
      const ids = await db().transaction(async (tx) => {
        const caisse = await getMailCaisse(tx);
        const out: string[] = [];
        for (let i = 0; i < 50; i++)
          out.push(await enqueueMail(tx, { template: 'test-email', to: `ouvrier-${i}@example.test`, subject: testEmailSubject, element: createElement(TestEmail, { caisse }) }));
        return out;
      });
      const drain = async (instance: Db) => {
        const transport = createResendTransport(API_KEY, provider.baseUrl);
        let total = 0;
        for (;;) {
          const { sent, failed } = await dispatchDueMail(instance, { transport, from: FROM, maxAttempts: 3, batchSize: 5 });
          if (sent + failed === 0) return total;
          total += sent;
        }
      };
      const [a, b] = await Promise.all([drain(db()), drain(second.db)]);

      expect(a + b).toBe(50);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      const keys = provider.delivered.map((r) => r.headers['idempotency-key']);
      expect(keys).toHaveLength(50);
      expect(new Set(keys).size).toBe(50);
      expect(new Set(keys)).toEqual(new Set(ids.map((id) => `outbox-${id}`)));
      const rows = await db().select({ status: mailOutbox.status, attempts: mailOutbox.attempts }).from(mailOutbox);
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    } finally {
      await provider.close();
    }
  });
});
