'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { areaAction } from '@/lib/access/action';
import { auditActor } from '@/lib/access/context';
import { deleteUpload } from '@/lib/documents/mutations';
import { deleteDocumentSchema } from '@/lib/documents/schemas';

/** « Supprimer » a document the company uploaded (confirmed on the page); the file goes with the row. */
export const deleteDocumentAction = areaAction({ area: 'documents', level: 'write' }, deleteDocumentSchema, async (input, ctx) => {
  const actor = await auditActor(ctx, ctx.company.id);
  const deleted = await deleteUpload(
    await getDb(),
    { userId: ctx.session.userId, companyId: ctx.company.id, ip: actor.ip, userAgent: actor.userAgent, actorOrganisationId: actor.actorOrganisationId },
    input.documentId,
  );
  if (!deleted) return { ok: false, message: 'Ce document n’existe pas ou ne peut pas être supprimé.' };
  revalidatePath('/espace/documents');
  revalidatePath('/espace');
  // The row (and the confirmation that held the answer) is gone: the page says it, above the list.
  redirect('/espace/documents?supprime=1#liste');
});
