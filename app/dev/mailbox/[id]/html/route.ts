import { getDb } from '@/db';
import { getMailboxMessage, isDevMailboxEnabled } from '@/lib/mail/mailbox';

export const dynamic = 'force-dynamic';

/** The message's HTML as sent; links open in the whole window, not inside the mailbox's frame. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isDevMailboxEnabled()) return new Response('Not found', { status: 404 });
  const message = await getMailboxMessage(await getDb(), (await params).id);
  if (!message) return new Response('Not found', { status: 404 });
  const html = message.html.replace(/<head([^>]*)>/i, '<head$1><base target="_top">');
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
