import { notFound } from 'next/navigation';
import { isDevMailboxEnabled } from '@/lib/mail/mailbox';

export const dynamic = 'force-dynamic';

export default function DevLayout({ children }: { children: React.ReactNode }) {
  if (!isDevMailboxEnabled()) notFound();
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="bg-slate-800 px-4 py-3 text-white">
        <p className="font-bold">Outils de développement — aucun courriel réel n’est envoyé</p>
      </header>
      <main id="contenu" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
