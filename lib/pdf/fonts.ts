import 'server-only';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';

// react-pdf's built-in Helvetica draws U+202F (the narrow no-break space Intl puts in French numbers and
// before « : ») as "/": every PDF of the portal uses this TTF, shipped in the repo (assets/fonts).
export const PDF_FONT_FAMILY = 'DejaVu Sans';

const fontsDir = path.join(process.cwd(), 'assets', 'fonts');

let registered = false;

/** Idempotent; call before rendering any document. */
export function registerPdfFonts(): void {
  if (registered) return;
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: path.join(fontsDir, 'DejaVuSans.ttf'), fontWeight: 'normal' },
      { src: path.join(fontsDir, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
    ],
  });
  // The default hyphenation is English: it would split French words wrongly, and a code or an identifier
  // cut across two lines is mistyped (and no longer found by text extraction).
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
