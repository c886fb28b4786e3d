import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';
import { prepareFontForPdf } from './font-tables';

// react-pdf's built-in Helvetica draws U+202F (the narrow no-break space Intl puts in French numbers and
// before « : ») as "/": every PDF of the portal uses this TTF, shipped in the repo (assets/fonts).
export const PDF_FONT_FAMILY = 'DejaVu Sans';

const fontsDir = path.join(process.cwd(), 'assets', 'fonts');

let registered = false;

/** The shipped TTF made cheaper to lay out (lib/pdf/font-tables.ts), as the data URL react-pdf accepts. */
function preparedFont(file: string): string {
  return `data:font/ttf;base64,${prepareFontForPdf(fs.readFileSync(path.join(fontsDir, file))).toString('base64')}`;
}

/** Idempotent; call before rendering any document. */
export function registerPdfFonts(): void {
  if (registered) return;
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: preparedFont('DejaVuSans.ttf'), fontWeight: 'normal' },
      { src: preparedFont('DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
    ],
  });
  // The default hyphenation is English: it would split French words wrongly, and a code or an identifier
  // cut across two lines is mistyped (and no longer found by text extraction).
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
