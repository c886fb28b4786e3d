import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireArea } from '@/lib/access/context';
import { formatSiret } from '@/lib/companies/siret';
import { listCompanyDocuments, type DocumentListItem } from '@/lib/documents/queries';
import { documentTypeLabels, formatFileSize, listedTypes, parseListedType, parseUploadErrorCode, uploadErrors, type ListedType } from '@/lib/documents/rules';
import { formatDateTime } from '@/lib/format';
import { ActionButton } from '../_components/action-button';
import { buttonClass, dangerButtonClass, secondaryButtonClass } from '../_components/form-bits';
import { deleteDocumentAction } from './actions';
import { UploadForm } from './upload-form';
import { PageHeader } from '@/app/espace/_components/page-header';

export const metadata: Metadata = { title: 'Mes documents' };

const PAGE_SIZE = 20;

type Search = { type?: string; page?: string; depose?: string; supprime?: string; 'erreur-fichier'?: string; 'erreur-titre'?: string; titre?: string };

function pageHref(type: ListedType | null, page: number): string {
  const q = new URLSearchParams();
  if (type) q.set('type', type);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return `/espace/documents${s ? `?${s}` : ''}#liste`;
}

function DocumentRow({ doc, canDelete }: { doc: DocumentListItem; canDelete: boolean }) {
  return (
    <li className="flex flex-col gap-3 border-b border-slate-200 py-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 flex-col gap-1">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-dark">{documentTypeLabels[doc.type]}</p>
        <p className="break-words text-lg font-bold">{doc.title}</p>
        <p className="text-muted">
          {formatDateTime(doc.createdAt)} · {formatFileSize(doc.sizeBytes)} · <span className="break-all">{doc.fileName}</span>
        </p>
      </div>
      <div className="flex shrink-0 flex-col gap-2 sm:items-end">
        <a href={doc.href} download className={secondaryButtonClass}>
          Télécharger<span className="sr-only"> « {doc.title} »</span>
        </a>
        {canDelete && doc.isUpload && (
          <details className="group">
            <summary className={`${dangerButtonClass} cursor-pointer list-none`}>
              Supprimer<span className="sr-only"> « {doc.title} »</span>
            </summary>
            <div className="mt-2 flex max-w-sm flex-col gap-2 rounded border border-red-200 bg-red-50 p-3">
              <p>
                Supprimer définitivement « {doc.title} » ? Le fichier sera effacé et ne pourra pas être récupéré.
              </p>
              <ActionButton
                action={deleteDocumentAction}
                fields={{ documentId: doc.id }}
                label="Oui, supprimer ce document"
                pendingLabel="Suppression…"
                accessibleLabel={`Oui, supprimer « ${doc.title} »`}
                className={dangerButtonClass}
              />
            </div>
          </details>
        )}
      </div>
    </li>
  );
}

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  // The company shown (own, or the client a delegated firm acts for), if the actor may read its documents.
  const ctx = await requireArea('documents', 'read');
  const company = ctx.company;
  const sp = await searchParams;
  const type = parseListedType(sp.type);
  const page = Math.min(Math.max(1, Number.parseInt(sp.page ?? '1', 10) || 1), 1000);
  const canWrite = ctx.grants.documents === 'write';
  // Attestations are listed (and served by their own route) only to those who may read them.
  const includeAttestations = Boolean(ctx.grants.attestations);

  const { items, hasMore } = await listCompanyDocuments(await getDb(), { companyId: company.id, type, includeAttestations, page, pageSize: PAGE_SIZE });

  // The outcome of an upload posted without JavaScript (the route redirected here).
  const fileError = parseUploadErrorCode(sp['erreur-fichier']);
  const titleError = parseUploadErrorCode(sp['erreur-titre']);
  const fieldErrors: Record<string, string> = {};
  if (fileError) fieldErrors.fichier = uploadErrors[fileError].message;
  if (titleError) fieldErrors.titre = uploadErrors[titleError].message;
  const initial =
    fileError || titleError
      ? { ok: false, message: 'Le document n’a pas été déposé.', fieldErrors, values: { titre: (sp.titre ?? '').slice(0, 200) } }
      : sp.depose
        ? { ok: true, message: 'Votre document est déposé.' }
        : null;

  const typeChoices = listedTypes.filter((t) => t !== 'attestation' || includeAttestations);

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title="Mes documents" subtitle={`${company.name} · SIRET ${formatSiret(company.siret)}`}>
        <p className="mt-2">Les documents de votre dossier, conservés chiffrés : accusés de réception, mandats, relevés, attestations et vos propres dépôts.</p>
      </PageHeader>

      {canWrite && (
        <section id="deposer" aria-labelledby="titre-deposer" className="flex flex-col gap-4 rounded-lg bg-brand-light p-5">
          <h2 id="titre-deposer" className="text-xl font-bold text-brand-dark">Déposer un document</h2>
          <UploadForm uploadUrl={`/espace/documents/deposer?entreprise=${company.id}`} initial={initial} />
        </section>
      )}

      <section id="liste" aria-labelledby="titre-liste" className="flex flex-col gap-4">
        <h2 id="titre-liste" className="text-xl font-bold text-brand-dark">Documents</h2>
        {sp.supprime !== undefined && (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            Le document est supprimé.
          </p>
        )}
        <form method="get" action="/espace/documents" className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="type" className="font-semibold">
              Type de document
            </label>
            <select id="type" name="type" defaultValue={type ?? ''} className="min-h-11 rounded border border-slate-500 bg-white px-3">
              <option value="">Tous les types</option>
              {typeChoices.map((t) => (
                <option key={t} value={t}>
                  {documentTypeLabels[t]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass}>
            Filtrer
          </button>
        </form>

        {items.length === 0 ? (
          <p className="text-muted">
            {page > 1 ? 'Aucun document sur cette page.' : type ? `Aucun document de type « ${documentTypeLabels[type]} ».` : 'Aucun document pour l’instant.'}
          </p>
        ) : (
          <ul aria-label="Documents, du plus récent au plus ancien" className="border-t border-slate-200">
            {items.map((doc) => (
              <DocumentRow key={doc.key} doc={doc} canDelete={canWrite} />
            ))}
          </ul>
        )}

        {(page > 1 || hasMore) && (
          <nav aria-label="Pages de documents" className="flex flex-wrap items-center gap-3">
            {page > 1 && (
              <Link href={pageHref(type, page - 1)} className={secondaryButtonClass}>
                ← Documents plus récents
              </Link>
            )}
            <span>Page {page}</span>
            {hasMore && (
              <Link href={pageHref(type, page + 1)} className={secondaryButtonClass}>
                Documents plus anciens →
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
