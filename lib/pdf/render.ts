import 'server-only';
import type { ReactElement } from 'react';
import { renderToBuffer, renderToStream, type DocumentProps } from '@react-pdf/renderer';
import { registerPdfFonts } from './fonts';

/** Renders a react-pdf document with the portal's fonts registered. */
export function renderPdfToBuffer(document: ReactElement<DocumentProps>): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(document);
}

/** For route handlers: `new Response(Readable.toWeb(stream))` (see STACK-NOTES). */
export function renderPdfToStream(document: ReactElement<DocumentProps>): Promise<NodeJS.ReadableStream> {
  registerPdfFonts();
  return renderToStream(document);
}
