'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ISSUE_FAILED_MESSAGE } from './messages';

const ISSUE_URL = '/espace/attestations/telecharger';

/**
 * « Télécharger une attestation de mise à jour »: a plain form post (the route answers with the PDF as
 * a download, so it works without JavaScript); with JavaScript, the PDF is fetched, saved under its
 * own name, and the history refreshed in place.
 */
export function DownloadAttestationButton({ companyId }: { companyId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    try {
      const res = await fetch(ISSUE_URL, { method: 'POST', body: new FormData(event.currentTarget) });
      if (res.ok && res.headers.get('content-type')?.startsWith('application/pdf')) {
        const number = res.headers.get('x-attestation-number') ?? 'attestation';
        const url = URL.createObjectURL(await res.blob());
        const link = document.createElement('a');
        link.href = url;
        link.download = `attestation-${number}.pdf`;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        setMessage({ tone: 'ok', text: `L’attestation ${number} est téléchargée. Elle figure aussi dans l’historique ci-dessous.` });
      } else if (res.status === 503) {
        // The space was closed meanwhile (maintenance): the route says so in French.
        setMessage({ tone: 'error', text: await res.text() });
      } else if (res.status >= 500 || (res.redirected && new URL(res.url).searchParams.has('erreur'))) {
        setMessage({ tone: 'error', text: ISSUE_FAILED_MESSAGE });
      } else {
        setMessage({ tone: 'error', text: 'L’attestation n’a pas pu être délivrée. La page a été mise à jour : vérifiez la situation de votre entreprise.' });
      }
      router.refresh();
    } catch {
      setMessage({ tone: 'error', text: 'La connexion a échoué. Vérifiez votre accès à Internet puis réessayez.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <form action={ISSUE_URL} method="post" onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="companyId" value={companyId} />
      <button
        type="submit"
        disabled={pending}
        className="min-h-14 w-full rounded-md bg-brand px-6 text-lg font-bold text-white hover:bg-brand-dark disabled:opacity-70 sm:w-auto sm:self-start"
      >
        {pending ? 'Préparation de l’attestation…' : 'Télécharger une attestation de mise à jour'}
      </button>
      <p aria-live="polite" className={message?.tone === 'error' ? 'font-semibold text-red-800' : 'text-green-900'}>
        {message?.text}
      </p>
    </form>
  );
}
