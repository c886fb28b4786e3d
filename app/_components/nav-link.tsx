'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A menu link that tells assistive technologies (aria-current) and sighted users which section they are in. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const isCurrent = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? 'page' : undefined}
      className="flex min-h-11 items-center rounded px-3 py-2 text-brand-dark hover:bg-brand-light aria-[current=page]:font-bold aria-[current=page]:underline aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-4"
    >
      {children}
    </Link>
  );
}
