'use client';

import { useEffect, useRef } from 'react';

export type FailureNoticeProps = {
  /** Next's reference of a server-side error (the same one is in the server log); never the error's text. */
  digest?: string;
  /** Renders the segment again (Next's `reset`). */
  retry: () => void;
  /** Where to go when retrying does not help. */
  home: { href: string; label: string };
};

/**
 * What a page says when it fails on our side (database restarting, a service down): in French, what
 * happened, that nothing entered is lost, what to do — never Next's English « Application error » nor a
 * stack trace. Used by the error boundaries of app/ (error.tsx, global-error.tsx).
 */
export function FailureNotice({ digest, retry, home }: FailureNoticeProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the message, so a screen reader announces it and the keyboard starts from there.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4 p-4">
      <h1 ref={heading} tabIndex={-1} className="text-3xl font-black text-brand-dark outline-none">
        Un incident technique empêche d’afficher cette page
      </h1>
      <p className="text-lg">
        Le service est momentanément perturbé de notre côté. Ce que vous aviez déjà enregistré n’est pas perdu ; une opération en cours
        n’a pas été validée si aucune confirmation ne s’est affichée.
      </p>
      <p>Réessayez dans quelques instants. Si l’incident persiste, contactez la caisse{digest ? ' en indiquant la référence ci-dessous' : ''}.</p>
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={retry} className="min-h-12 rounded-md bg-brand px-6 font-bold text-white hover:bg-brand-dark">
          Réessayer
        </button>
        <a href={home.href} className="font-semibold text-brand underline">
          {home.label}
        </a>
      </div>
      {digest && <p className="text-sm text-gray-700">Référence de l’incident : {digest}</p>}
    </div>
  );
}
