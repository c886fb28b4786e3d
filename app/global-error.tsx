'use client';

import './globals.css';
import { FailureNotice } from '@/app/_components/failure-notice';

/** The root layout itself failed: this replaces the whole document, so it brings its own <html>. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-white font-sans antialiased">
        <FailureNotice digest={error.digest} retry={reset} home={{ href: '/', label: 'Revenir à l’accueil' }} />
      </body>
    </html>
  );
}
