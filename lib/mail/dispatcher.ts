import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { Resend } from 'resend';
import type { Db } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import type { Env } from '@/lib/env';

export type MailTransport = {
  send(message: { id: string; from: string; to: string; subject: string; html: string; text: string }): Promise<{ providerId: string }>;
};

export class TransportError extends Error {
  constructor(
    message: string,
    public readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Provider answers that retrying the same request cannot fix (bad address, rejected content). Others
 * are transient: 5xx, timeouts, 408, 429, 409 (Resend: the same idempotency key is still in flight), and
 * 401/403 too, since a revoked or mistyped key is fixed by the operator, not by dropping the mail. */
export function isPermanentProviderStatus(status: number): boolean {
  return status >= 400 && status < 500 && ![401, 403, 408, 409, 429].includes(status);
}

/** Resend, created lazily (its constructor throws without a key). The outbox id is the idempotency key,
 * so a retry after a lost response never sends twice. */
export function createResendTransport(apiKey: string, baseUrl?: string, options: { timeoutMs?: number } = {}): MailTransport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async send(m) {
      // The SDK has no timeout of its own: a provider that never answers would stall this instance's loop.
      const { data, error } = await client.emails.send(
        { from: m.from, to: m.to, subject: m.subject, html: m.html, text: m.text },
        { idempotencyKey: `outbox-${m.id}`, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error || !data) {
        // The SDK reports the HTTP status only through the error body (Resend's errors carry statusCode)
        // or, for a non-JSON body, itself; null means no answer at all.
        const status = (error as { statusCode?: number | null } | null)?.statusCode ?? 0;
        throw new TransportError(`${error?.name ?? 'error'} ${status}: ${error?.message ?? 'no response'}`, isPermanentProviderStatus(status));
      }
      return { providerId: data.id };
    },
  };
}

/** Exponential backoff with jitter: 10 s, 20 s, 40 s … capped at 1 h. */
export function retryDelayMs(attempt: number, baseMs = 10_000): number {
  const exp = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(exp * (0.8 + Math.random() * 0.4));
}

export type DispatchOptions = {
  transport: MailTransport;
  from: string;
  maxAttempts: number;
  batchSize?: number;
  now?: () => Date;
  baseDelayMs?: number;
  /** How long a claimed message stays reserved by this instance before another may retry it. */
  leaseMs?: number;
};

/**
 * Delivers due messages once. Several instances may run this at the same time: each claims rows with
 * FOR UPDATE SKIP LOCKED and a lease, so a message is handed to the provider by one instance at a time,
 * and a crash mid-send only delays it until the lease ends.
 */
export async function dispatchDueMail(db: Db, options: DispatchOptions): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? (() => new Date());
  // Long enough for a whole batch at the transport's timeout (20 × 15 s), sent one after another.
  const leaseMs = options.leaseMs ?? 300_000;
  const claimed = await db.transaction(async (tx) => {
    const at = now();
    const rows = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          lte(mailOutbox.nextAttemptAt, at),
          or(eq(mailOutbox.status, 'pending'), and(eq(mailOutbox.status, 'sending'), lte(mailOutbox.lockedUntil, at))),
        ),
      )
      .orderBy(asc(mailOutbox.nextAttemptAt))
      .limit(options.batchSize ?? 20)
      .for('update', { skipLocked: true });
    if (!rows.length) return [];
    return tx
      .update(mailOutbox)
      .set({ status: 'sending', lockedUntil: new Date(at.getTime() + leaseMs), attempts: sql`${mailOutbox.attempts} + 1` })
      .where(inArray(mailOutbox.id, rows.map((r) => r.id)))
      .returning();
  });

  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    try {
      const { providerId } = await options.transport.send({ id: m.id, from: options.from, to: m.toAddress, subject: m.subject, html: m.html, text: m.text });
      // Delivered is a fact even if our lease ran out meanwhile, so this update is not fenced.
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: now(), providerMessageId: providerId, lockedUntil: null, lastError: null })
        .where(eq(mailOutbox.id, m.id));
      sent++;
    } catch (err) {
      failed++;
      const permanent = err instanceof TransportError && err.permanent;
      const giveUp = permanent || m.attempts >= options.maxAttempts;
      // Fenced on our claim (attempts grows at every claim): if the lease ran out and another instance
      // took the message over, perhaps delivering it, a late failure here must not put it back in the queue.
      await db
        .update(mailOutbox)
        .set({
          status: giveUp ? 'failed' : 'pending',
          lockedUntil: null,
          lastError: String((err as Error).message ?? err).slice(0, 500),
          nextAttemptAt: new Date(now().getTime() + retryDelayMs(m.attempts, options.baseDelayMs)),
        })
        .where(and(eq(mailOutbox.id, m.id), eq(mailOutbox.status, 'sending'), eq(mailOutbox.attempts, m.attempts)));
    }
  }
  return { sent, failed };
}

const store = globalThis as unknown as { __espaceMailTimer?: NodeJS.Timeout };

/** Started by instrumentation.ts in every instance when a provider key is configured. */
export function startMailDispatcher(env: Env): void {
  if (!env.resendApiKey || store.__espaceMailTimer) return;
  const transport = createResendTransport(env.resendApiKey, env.resendBaseUrl);
  let running = false;
  store.__espaceMailTimer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { getDb } = await import('@/db');
      await dispatchDueMail(await getDb(), { transport, from: env.mailFrom, maxAttempts: env.mailMaxAttempts });
    } catch (err) {
      // Never log message bodies (they carry single-use links); the error text is enough.
      console.error('[mail] dispatch failed:', (err as Error).message);
    } finally {
      running = false;
    }
  }, env.mailDispatchIntervalMs);
  store.__espaceMailTimer.unref();
}
