import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { listMailboxMessages } from '@/lib/mail/mailbox';
import { SendTestForm } from './send-test-form';

export const metadata: Metadata = { title: 'Boîte de réception de développement' };

const statusLabel = { pending: 'en attente', sending: 'envoi en cours', sent: 'envoyé', failed: 'échec' } as const;

export default async function MailboxPage() {
  const messages = await listMailboxMessages(await getDb());
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Boîte de réception de développement</h1>
      <p>Tous les courriels de l’application, du plus récent au plus ancien. Ils restent ici tant qu’aucune clé Resend n’est configurée.</p>
      <SendTestForm />
      {messages.length === 0 ? (
        <p>Aucun message.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {messages.map((m) => (
            <li key={m.id}>
              <Link href={`/dev/mailbox/${m.id}`} className="flex flex-col gap-1 p-4 hover:bg-slate-100 sm:flex-row sm:justify-between">
                <span>
                  <span className="block font-semibold">{m.subject}</span>
                  <span className="block text-sm text-slate-700">À : {m.toAddress}</span>
                </span>
                <span className="text-sm text-slate-700">
                  {m.createdAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })} · {statusLabel[m.status]}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
