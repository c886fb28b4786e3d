import Link from 'next/link';
import type { UpToDateReason } from '@/lib/companies/status';

/** What keeps a company from being « à jour », each reason linking to where it is fixed. */
export function UpToDateReasons({ reasons }: { reasons: readonly UpToDateReason[] }) {
  return (
    <ul className="list-disc space-y-1 pl-6">
      {reasons.map((r) => (
        <li key={`${r.kind}-${r.label}`}>
          {r.href ? (
            <Link href={r.href} className="text-brand underline">
              {r.label}
            </Link>
          ) : (
            r.label
          )}
        </li>
      ))}
    </ul>
  );
}
