import { getDb } from '@/db';
import { getMailboxMessage, isDevMailboxEnabled, listMailboxMessages } from '@/lib/mail/mailbox';

export const dynamic = 'force-dynamic';

/** JSON view of the dev mailbox for e2e tests: `?to=<address>` → newest first, with bodies. */
export async function GET(req: Request) {
  if (!isDevMailboxEnabled()) return new Response('Not found', { status: 404 });
  const to = new URL(req.url).searchParams.get('to') ?? undefined;
  const db = await getDb();
  const list = await listMailboxMessages(db, { to, limit: 50 });
  const full = await Promise.all(list.map((m) => getMailboxMessage(db, m.id)));
  return Response.json(
    full.filter(Boolean).map((m) => ({ id: m!.id, to: m!.toAddress, subject: m!.subject, template: m!.template, createdAt: m!.createdAt, html: m!.html, text: m!.text })),
    { headers: { 'cache-control': 'no-store' } },
  );
}
