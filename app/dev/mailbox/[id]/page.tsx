import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getMailboxMessage } from '@/lib/mail/mailbox';

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const message = await getMailboxMessage(await getDb(), id);
  if (!message) notFound();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/dev/mailbox" className="text-blue-800 underline">← Retour à la boîte</Link>
      <h1 className="text-2xl font-bold">{message.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt className="font-semibold">À</dt>
        <dd>{message.toAddress}</dd>
        <dt className="font-semibold">Date</dt>
        <dd>{message.createdAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</dd>
        <dt className="font-semibold">Modèle</dt>
        <dd>{message.template}</dd>
      </dl>
      <iframe title={`Contenu du message « ${message.subject} »`} src={`/dev/mailbox/${message.id}/html`} className="h-[70vh] w-full rounded border border-slate-300 bg-white" />
      <details>
        <summary className="cursor-pointer">Version texte</summary>
        <pre className="whitespace-pre-wrap text-sm">{message.text}</pre>
      </details>
    </div>
  );
}
