import path from 'node:path';
import { Font } from '@react-pdf/renderer';

// react-pdf's built-in Helvetica draws U+202F (the narrow no-break space of fr-FR numbers, « 1 234,50 € »)
// as « / », and it only knows WinAnsi: every PDF of the portal embeds DejaVu Sans, shipped in
// assets/fonts (licence in assets/fonts/LICENSE-DejaVu.txt) so that no machine depends on system fonts.

let registered = false;

export const PDF_FONT_FAMILY = 'DejaVu Sans';

export function registerPdfFonts(): void {
  if (registered) return;
  const dir = path.join(process.cwd(), 'assets/fonts');
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: path.join(dir, 'DejaVuSans.ttf'), fontWeight: 'normal' },
      { src: path.join(dir, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
    ],
  });
  // French official documents are not hyphenated; react-pdf's default English hyphenation would split
  // names and addresses.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
