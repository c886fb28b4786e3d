// « Mes documents »: the pure rules (no I/O): what may be uploaded, how types are named, how a file
// name is made safe for a download. Importable by client components.

/** Largest upload accepted: 10 MB (10 × 1024 × 1024 bytes). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Room for the multipart envelope (boundaries, headers, the title) around the file. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
export const MAX_TITLE_LENGTH = 120;

/** The kinds of the `documents` table (db/schema/documents.ts), restated so client code need not import the schema. */
export type DocumentKind = 'letter' | 'declaration_receipt' | 'sepa_mandate' | 'account_statement' | 'attestation' | 'leave_certificate' | 'upload';

/** What « Mes documents » lists: the documents' kinds but the letters, plus the attestations' own table. */
export type ListedType = Exclude<DocumentKind, 'letter'>;

/**
 * The provisional-credential letters carry a secret (the code that opens the space): they are never
 * listed nor served by « Mes documents », whatever the actor's rights.
 */
export const HIDDEN_KINDS = ['letter'] as const satisfies readonly DocumentKind[];
export const isHiddenKind = (kind: DocumentKind): boolean => (HIDDEN_KINDS as readonly string[]).includes(kind);

export const documentTypeLabels: Record<ListedType, string> = {
  declaration_receipt: 'Accusé de réception',
  sepa_mandate: 'Mandat SEPA',
  account_statement: 'Relevé de compte',
  attestation: 'Attestation de mise à jour',
  leave_certificate: 'Certificat de congés',
  upload: 'Document déposé',
};

export const listedTypes = Object.keys(documentTypeLabels) as ListedType[];

export function parseListedType(value: string | undefined): ListedType | null {
  return value && (listedTypes as string[]).includes(value) ? (value as ListedType) : null;
}

/** Upload formats, keyed by the MIME type detected from the content. */
export const acceptedUploadTypes = {
  'application/pdf': { ext: 'pdf', label: 'PDF' },
  'image/jpeg': { ext: 'jpg', label: 'JPEG' },
  'image/png': { ext: 'png', label: 'PNG' },
} as const;
export type AcceptedUploadType = keyof typeof acceptedUploadTypes;

export function isAcceptedUploadType(mime: string | undefined): mime is AcceptedUploadType {
  return mime !== undefined && Object.hasOwn(acceptedUploadTypes, mime);
}

export type UploadErrorCode = 'file_missing' | 'file_empty' | 'file_too_large' | 'file_type' | 'title_missing' | 'title_too_long' | 'interrupted' | 'unavailable';

/** Each refusal: its message and the field it is shown at. */
export const uploadErrors: Record<UploadErrorCode, { field: 'fichier' | 'titre'; message: string }> = {
  file_missing: { field: 'fichier', message: 'Choisissez le fichier à déposer.' },
  file_empty: { field: 'fichier', message: 'Ce fichier est vide : choisissez un fichier PDF, JPEG ou PNG.' },
  file_too_large: { field: 'fichier', message: 'Ce fichier dépasse 10 Mo : réduisez-le (ou scannez-le en qualité moindre) puis déposez-le à nouveau.' },
  file_type: { field: 'fichier', message: 'Ce fichier n’est ni un PDF, ni une image JPEG ou PNG : seuls ces formats sont acceptés.' },
  title_missing: { field: 'titre', message: 'Donnez un titre au document.' },
  title_too_long: { field: 'titre', message: `${MAX_TITLE_LENGTH} caractères au plus.` },
  interrupted: { field: 'fichier', message: 'Le dépôt a été interrompu avant la fin : rien n’a été enregistré, déposez le fichier à nouveau.' },
  unavailable: { field: 'fichier', message: 'Un incident technique de notre côté a empêché le dépôt : rien n’a été enregistré. Réessayez dans quelques minutes.' },
};

export function parseUploadErrorCode(value: string | undefined): UploadErrorCode | null {
  return value && Object.hasOwn(uploadErrors, value) ? (value as UploadErrorCode) : null;
}

/** The title as stored: trimmed, inner whitespace collapsed; or the reason it is refused. */
export function checkTitle(raw: unknown): { ok: true; title: string } | { ok: false; code: 'title_missing' | 'title_too_long' } {
  const title = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
  if (!title) return { ok: false, code: 'title_missing' };
  if ([...title].length > MAX_TITLE_LENGTH) return { ok: false, code: 'title_too_long' };
  return { ok: true, title };
}

/**
 * The name a file is stored and served under: the uploader's base name (path, control and reserved
 * characters removed, at most 100 characters) with the extension of the type found in the content — a
 * PNG named « scan.pdf » becomes « scan.png ».
 */
export function storedFileName(originalName: string, type: AcceptedUploadType): string {
  const base = (originalName.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"*:<>?|]/g, '')
    .replace(/\.[^.]*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const name = [...base].slice(0, 100).join('').trim() || 'document';
  return `${name}.${acceptedUploadTypes[type].ext}`;
}

/** An ASCII-only, quote-safe version of a file name, for `filename=` (old clients). */
export function asciiFileName(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[^A-Za-z0-9._ ()'-]/g, '_')
    .replace(/_+/g, '_')
    .trim();
  return ascii.replace(/^\.+/, '') || 'document';
}

/** RFC 5987 / 8187 value: UTF-8, percent-encoded (attr-char only). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="ascii"; filename*=UTF-8''utf8` — browsers take the second, old clients the first. */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** « 1,2 Mo », « 850 Ko », « 12 octets ». */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octet${bytes > 1 ? 's' : ''}`;
  const fmt = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} Ko`;
  return `${fmt(bytes / (1024 * 1024))} Mo`;
}
