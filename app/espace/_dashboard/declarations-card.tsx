import Link from 'next/link';
import { getDb } from '@/db';
import type { Level } from '@/lib/access/rules';
import { getMissingDeclarations } from '@/lib/declarations/queries';
import { formatPeriod, periodSlug } from '@/lib/declarations/rules';
import { todayInFrance } from '@/lib/format';

const linkClass = 'inline-flex min-h-11 items-center font-semibold text-brand-dark underline';

/** The « declarations » card of the dashboard: the months not yet declared (due at the start of the next month), with links. */
export async function DeclarationsCard({ companyId, level }: { companyId: string; level: Level }) {
  const missing = await getMissingDeclarations(await getDb(), companyId, todayInFrance());
  const verb = level === 'write' ? 'Déclarer' : 'Voir';
  return (
    <>
      {missing.length === 0 ? (
        <p>
          Déclarations : <strong className="text-green-800">à jour</strong>
        </p>
      ) : (
        <>
          <p className="font-semibold text-red-800">
            {missing.length === 1 ? '1 mois non déclaré :' : `${missing.length} mois non déclarés :`}
          </p>
          <ul className="flex flex-col">
            {missing.map((m) => (
              <li key={m.period}>
                <Link href={`/espace/declarations/${periodSlug(m.period)}`} className={linkClass}>
                  {verb} {formatPeriod(m.period)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <Link href="/espace/declarations" className={linkClass}>
        Déclarations
      </Link>
      <Link href="/espace/salaries" className={linkClass}>
        Salariés
      </Link>
    </>
  );
}
