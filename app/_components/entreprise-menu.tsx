'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';

export type MenuEntry = { href: string; label: string };

/** « Entreprise / Tiers-déclarant »: a disclosure menu (button + list of links), keyboard and touch friendly. */
export function EntrepriseMenu({ entries }: { entries: MenuEntry[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const pathname = usePathname();
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [lastPath, setLastPath] = useState(pathname);

  if (pathname !== lastPath) {
    setLastPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  return (
    <div ref={ref} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="flex min-h-11 items-center gap-1 rounded px-3 py-2 font-semibold text-brand-dark hover:bg-brand-light"
      >
        Entreprise / Tiers-déclarant
        <span aria-hidden="true" className={`transition-transform ${open ? 'rotate-180' : ''}`}>
          ▾
        </span>
      </button>
      <ul
        id={id}
        hidden={!open}
        className="absolute left-0 z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white py-2 shadow-lg"
      >
        {entries.map((e) => (
          <li key={e.href}>
            <Link href={e.href} className="block min-h-11 px-4 py-3 text-ink hover:bg-brand-light hover:text-brand-dark">
              {e.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
