import { z } from 'zod';

// Forms of « Mes documents » (importable by client components). The upload is a route handler that
// checks its fields itself (lib/documents/rules.ts): it is multipart and streamed, not a server action.

export const deleteDocumentSchema = z.object({ documentId: z.uuid('Document introuvable.') });
export type DeleteDocumentInput = z.infer<typeof deleteDocumentSchema>;
