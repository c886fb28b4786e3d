import Link from 'next/link';

export type Crumb = { label: string; href?: string };

/**
 * « Fil d’Ariane »: where the page sits in the site; the last crumb is the current page. On a phone the
 * full trail would take half the first screen, so only the way up (the parent) is shown there.
 */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  const parentIndex = items.length - 2;
  return (
    <nav aria-label="Fil d’Ariane" className="mb-4 text-sm">
      <ol className="flex flex-wrap items-center gap-x-1">
        {items.map((item, i) => {
          const isLast = i === items.length - 1;
          const isParent = i === parentIndex;
          return (
            <li key={item.label} className={`${isParent ? 'flex' : 'hidden sm:flex'} items-center gap-x-1`}>
              {item.href && !isLast ? (
                <Link href={item.href} className="inline-flex min-h-11 items-center text-brand underline">
                  {isParent && (
                    <span aria-hidden="true" className="mr-1 no-underline sm:hidden">
                      ‹
                    </span>
                  )}
                  {item.label}
                </Link>
              ) : (
                <span aria-current={isLast ? 'page' : undefined} className="inline-flex min-h-11 items-center text-muted">
                  {item.label}
                </span>
              )}
              {!isLast && (
                <span aria-hidden="true" className="hidden text-muted sm:inline">
                  ›
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
