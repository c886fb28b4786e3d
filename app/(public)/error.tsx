'use client';

import { FailureNotice } from '@/app/_components/failure-notice';

/** A public page that failed on our side (the site's header and footer stay). */
export default function PublicError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <FailureNotice digest={error.digest} retry={reset} home={{ href: '/', label: 'Revenir à l’accueil' }} />;
}
