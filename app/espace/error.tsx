'use client';

import { FailureNotice } from '@/app/_components/failure-notice';

/** A page of the space that failed on our side (the layout around it, menu included, stays). */
export default function SpaceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <FailureNotice digest={error.digest} retry={reset} home={{ href: '/espace', label: 'Revenir au tableau de bord' }} />;
}
