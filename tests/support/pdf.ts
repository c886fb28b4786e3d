import jsQR from 'jsqr';
import { extractImages, extractText, getDocumentProxy } from 'unpdf';

// pdf.js (inside unpdf) calls ArrayBuffer.prototype.transferToFixedLength, which Node 20 lacks
// (Node ≥ 21 has it): a copying stand-in is enough to read test PDFs.
const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (n?: number) => ArrayBuffer };
proto.transferToFixedLength ??= function (this: ArrayBuffer, length?: number) {
  const copy = new ArrayBuffer(length ?? this.byteLength);
  new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(copy.byteLength, this.byteLength)));
  return copy;
};

/** All the text of a PDF, pages merged. */
export async function readPdfText(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

/** Decodes (jsQR) every QR code found in the images embedded on a page of the PDF. */
export async function decodeQrCodesInPdfImages(pdf: Uint8Array, page = 1): Promise<string[]> {
  const images = await extractImages(await getDocumentProxy(new Uint8Array(pdf)), page);
  const found: string[] = [];
  for (const img of images) {
    const rgba = new Uint8ClampedArray(img.width * img.height * 4);
    for (let p = 0; p < img.width * img.height; p++) {
      for (let c = 0; c < 3; c++) rgba[p * 4 + c] = img.data[p * img.channels + (img.channels >= 3 ? c : 0)]!;
      rgba[p * 4 + 3] = 255;
    }
    const qr = jsQR(rgba, img.width, img.height);
    if (qr) found.push(qr.data);
  }
  return found;
}
