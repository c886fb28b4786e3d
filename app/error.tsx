'use client';

import { FailureNotice } from '@/app/_components/failure-notice';

/** A layout under the root failed (the public site's or the space's, e.g. the database unreachable). */
export default function RootSegmentError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <FailureNotice digest={error.digest} retry={reset} home={{ href: '/', label: 'Revenir à l’accueil' }} />;
}
