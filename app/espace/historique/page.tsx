import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { describeAuditAction, describeAuditActor } from '@/lib/access/history';
import { listCompanyHistory } from '@/lib/access/queries';
import { linkClass } from '../_components/form-bits';

export const metadata: Metadata = { title: 'Historique' };

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** « Historique »: everything done in the company's name, including by its accounting firm. */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireArea('account', 'read');
  const raw = (await searchParams).page;
  const page = Math.max(1, Math.min(100_000, Number.parseInt(typeof raw === 'string' ? raw : '1', 10) || 1));
  const history = await listCompanyHistory(await getDb(), ctx.company.id, { page });
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/espace" className={linkClass}>‹ Tableau de bord</Link>
      </p>
      <div>
        <h1 className="text-3xl font-black text-brand-dark">Historique</h1>
        <p className="mt-2">Tout ce qui a été fait au nom de {ctx.company.name}, par ses utilisateurs et par son cabinet comptable, du plus récent au plus ancien.</p>
      </div>
      {history.rows.length === 0 ? (
        <p>Rien pour le moment.</p>
      ) : (
        <ol className="flex flex-col divide-y divide-slate-200 rounded border border-slate-300">
          {history.rows.map((e) => (
            <li key={e.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:gap-4">
              <time dateTime={e.occurredAt.toISOString()} className="shrink-0 text-sm text-muted sm:w-36">
                {dateTime.format(e.occurredAt)}
              </time>
              <div>
                <p className={e.outcome === 'denied' ? 'font-semibold text-red-800' : 'font-semibold'}>{describeAuditAction(e.action, e.outcome, e.details)}</p>
                <p className="text-sm">{describeAuditActor({ ...e, subjectOrganisationId: ctx.company.id })}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {history.pageCount > 1 && (
        <nav aria-label="Pages de l’historique" className="flex flex-wrap items-center gap-4">
          {history.page > 1 && (
            <Link href={`/espace/historique?page=${history.page - 1}`} className={linkClass}>‹ Plus récents</Link>
          )}
          <span>
            Page {history.page} sur {history.pageCount}
          </span>
          {history.page < history.pageCount && (
            <Link href={`/espace/historique?page=${history.page + 1}`} className={linkClass}>Plus anciens ›</Link>
          )}
        </nav>
      )}
    </div>
  );
}
