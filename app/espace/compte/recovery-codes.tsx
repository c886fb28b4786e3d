'use client';

import { useEffect, useRef } from 'react';

/** The ten recovery codes, shown once: to download, print or copy before leaving the page. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Focus moves to the codes so a screen reader user hears them right after the form.
  useEffect(() => headingRef.current?.focus(), []);
  const text = `Codes de secours — Espace sécurisé\nChaque code ne sert qu’une fois.\n\n${codes.join('\n')}\n`;
  return (
    <section aria-labelledby="titre-codes" className="rounded-lg border-2 border-accent bg-amber-50 p-4">
      <h3 id="titre-codes" ref={headingRef} tabIndex={-1} className="text-lg font-bold">
        Vos 10 codes de secours
      </h3>
      <p className="mt-2">
        Gardez-les en lieu sûr : ils remplacent le code de l’application si vous perdez votre téléphone. Chacun ne sert qu’une fois.{' '}
        <strong>Ils ne seront plus jamais affichés.</strong>
      </p>
      <ul className="mt-3 grid grid-cols-2 gap-2 font-mono text-lg" aria-label="Codes de secours">
        {codes.map((code) => (
          <li key={code} className="rounded bg-white px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ul>
      <p className="mt-3">
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="codes-de-secours-espace-securise.txt"
          className="inline-flex min-h-11 items-center text-brand-dark underline"
        >
          Télécharger les codes (fichier texte)
        </a>
      </p>
    </section>
  );
}
