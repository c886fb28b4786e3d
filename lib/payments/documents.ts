import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { documents, organisations } from '@/db/schema';
import { readDocument, storeDocument } from '@/lib/documents/store';
import { formatDayShort } from '@/lib/format';
import { getCaisse } from '@/lib/site/queries';
import { renderMandatePdf, renderStatementPdf } from './pdf';
import { getCaisseBankDetails, getMandate } from './queries';
import { getAccountStatement } from './statement';
import { fileDownload } from '@/lib/http/download';

// The PDFs of the payments area, each stored in « Mes documents » (encrypted) when produced.

export type PdfFile = { bytes: Buffer; fileName: string };

async function getCompany(db: Db, companyId: string) {
  const [row] = await db
    .select({
      name: organisations.name,
      siret: organisations.siret,
      addressLine: organisations.addressLine,
      postcode: organisations.postcode,
      city: organisations.city,
      membershipNumber: organisations.membershipNumber,
    })
    .from(organisations)
    .where(and(eq(organisations.id, companyId), eq(organisations.kind, 'company')));
  return row ?? null;
}

/** The relevé de compte at `today` as a PDF, stored in the company's documents (kind account_statement). */
export async function produceStatementPdf(db: Db, input: { companyId: string; userId: string; today: string }): Promise<PdfFile | null> {
  const [company, caisse, statement] = await Promise.all([getCompany(db, input.companyId), getCaisse(db), getAccountStatement(db, input.companyId, input.today)]);
  if (!company) return null;
  const bytes = await renderStatementPdf({ caisse, company, statement });
  const fileName = `releve-de-compte-${input.today}.pdf`;
  await storeDocument(db, {
    companyId: input.companyId,
    kind: 'account_statement',
    title: `Relevé de compte au ${formatDayShort(input.today)}`,
    fileName,
    contentType: 'application/pdf',
    bytes,
    createdByUserId: input.userId,
  });
  return { bytes, fileName };
}

/**
 * The mandate to sign: rendered and stored (kind sepa_mandate) the first time, the stored bytes after.
 * Null when the mandate is not this company's (the route answers 404).
 */
export async function getMandatePdf(db: Db, input: { companyId: string; mandateId: string; userId: string }): Promise<PdfFile | null> {
  const mandate = await getMandate(db, input.companyId, input.mandateId);
  if (!mandate) return null;
  const fileName = `mandat-sepa-${mandate.rum}.pdf`;
  const [stored] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.companyId, input.companyId), eq(documents.kind, 'sepa_mandate'), eq(documents.sourceId, mandate.id)))
    .orderBy(desc(documents.createdAt))
    .limit(1);
  if (stored) {
    const doc = await readDocument(db, input.companyId, stored.id);
    if (doc) return { bytes: doc.bytes, fileName };
  }
  const [company, caisse] = await Promise.all([getCompany(db, input.companyId), getCaisse(db)]);
  if (!company) return null;
  const bytes = await renderMandatePdf({ caisse, company, mandate, creditorId: getCaisseBankDetails().creditorId });
  await storeDocument(db, {
    companyId: input.companyId,
    kind: 'sepa_mandate',
    title: `Mandat de prélèvement SEPA B2B ${mandate.rum}`,
    fileName,
    contentType: 'application/pdf',
    bytes,
    sourceId: mandate.id,
    createdByUserId: input.userId,
  });
  return { bytes, fileName };
}

export function pdfDownload(file: PdfFile): Response {
  return fileDownload({ bytes: file.bytes, fileName: file.fileName, contentType: 'application/pdf' });
}
