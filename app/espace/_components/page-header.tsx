import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The head of a page of the space: a « ← back » link (to the dashboard unless told otherwise), the title
 * and a subtitle (usually the company). One component, so every page reads and prints the same.
 */
export function PageHeader({
  title,
  subtitle,
  back = { href: '/espace', label: 'Tableau de bord' },
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  back?: { href: string; label: string };
  /** Extra lines under the subtitle. */
  children?: ReactNode;
}) {
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="no-print">
        <Link href={back.href} className="inline-flex min-h-11 items-center text-brand underline">
          ← {back.label}
        </Link>
      </nav>
      <div>
        <h1 className="text-3xl font-black text-brand-dark">{title}</h1>
        {subtitle !== undefined && <p className="mt-2 text-lg">{subtitle}</p>}
        {children}
      </div>
    </>
  );
}
