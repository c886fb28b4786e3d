import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: { from?: string; to?: string | string[]; subject?: string; html?: string; text?: string };
};

export type FakeAnswer = { status: number; body?: unknown; contentType?: string; delayMs?: number };

/**
 * A Resend-compatible provider on loopback: the real `resend` SDK posts to `${baseUrl}/emails` with
 * `Authorization: Bearer <key>` and our `Idempotency-Key`. `answer` decides each reply (default: 200 with
 * a fresh id, as Resend does); `delivered` lists the requests answered 2xx, i.e. the emails that went out.
 */
export async function startFakeResend(answer?: (req: ReceivedRequest, index: number) => FakeAnswer | Promise<FakeAnswer>) {
  const received: ReceivedRequest[] = [];
  const delivered: ReceivedRequest[] = [];
  let nextId = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : {} };
      const index = received.push(request) - 1;
      const a = answer ? await answer(request, index) : ok();
      if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs));
      if (a.status >= 200 && a.status < 300) delivered.push(request);
      const isJson = a.contentType === undefined;
      res.writeHead(a.status, { 'content-type': a.contentType ?? 'application/json' });
      res.end(isJson ? JSON.stringify(a.body ?? { id: `fake-${++nextId}` }) : String(a.body ?? ''));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    delivered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function ok(): FakeAnswer {
  return { status: 200 };
}

/** An error as Resend words it: the SDK reads the status from the body's statusCode. */
export function providerError(status: number, name: string, message = name): FakeAnswer {
  return { status, body: { statusCode: status, name, message } };
}
