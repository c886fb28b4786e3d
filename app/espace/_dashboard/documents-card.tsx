import Link from 'next/link';
import { getDb } from '@/db';
import type { Level } from '@/lib/access/rules';
import { listCompanyDocuments } from '@/lib/documents/queries';
import { documentTypeLabels } from '@/lib/documents/rules';
import { formatDateTime } from '@/lib/format';

/**
 * The « documents » card of the dashboard: the latest documents of the dossier, with links. Only the
 * `documents` rows: attestations have their own card (and their own right).
 */
export async function DocumentsCard({ companyId, level }: { companyId: string; level: Level }) {
  const { items } = await listCompanyDocuments(await getDb(), { companyId, includeAttestations: false, pageSize: 3 });
  return (
    <>
      {items.length === 0 ? (
        <p>Aucun document pour l’instant.</p>
      ) : (
        <ul aria-label="Derniers documents" className="flex flex-col gap-1">
          {items.map((doc) => (
            <li key={doc.key}>
              <a href={doc.href} download className="inline-flex min-h-11 flex-col justify-center text-brand-dark underline">
                <span className="font-semibold">{doc.title}</span>
              </a>
              <span className="block text-sm text-muted">
                {documentTypeLabels[doc.type]} · {formatDateTime(doc.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-x-4">
        <Link href="/espace/documents" className="inline-flex min-h-11 items-center font-semibold text-brand-dark underline">
          Mes documents
        </Link>
        {level === 'write' && (
          <Link href="/espace/documents#deposer" className="inline-flex min-h-11 items-center font-semibold text-brand-dark underline">
            Déposer un document
          </Link>
        )}
      </div>
    </>
  );
}
