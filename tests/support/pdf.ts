import jsQR from 'jsqr';
import { extractText, getDocumentProxy, getResolvedPDFJS } from 'unpdf';

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

type PdfImage = { width: number; height: number; kind?: number; data: Uint8Array | Uint8ClampedArray };

/** The image's pixels as RGBA: pdf.js hands 1-bit images over packed (kind 1), others as grey, RGB or RGBA bytes. */
function toRgba(img: PdfImage): Uint8ClampedArray {
  const { width, height, data } = img;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const rowBytes = Math.ceil(width / 8);
  const channels = img.kind === 1 ? 0 : data.length / (width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      let v: number[];
      if (img.kind === 1) {
        const bit = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
        v = bit ? [255, 255, 255] : [0, 0, 0];
      } else if (channels === 1) v = [data[p]!, data[p]!, data[p]!];
      else v = [data[p * channels]!, data[p * channels + 1]!, data[p * channels + 2]!];
      rgba.set([...v, 255], p * 4);
    }
  }
  return rgba;
}

/** Decodes (jsQR) every QR code found in the images embedded on a page of the PDF. */
export async function decodeQrCodesInPdfImages(pdf: Uint8Array, pageNumber = 1): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { OPS } = await getResolvedPDFJS();
  const page = await doc.getPage(pageNumber);
  const ops = await page.getOperatorList();
  const found: string[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const key = ops.argsArray[i][0] as string;
    const img = await new Promise<PdfImage | null>((resolve) => (key.startsWith('g_') ? page.commonObjs : page.objs).get(key, resolve));
    if (!img?.data) continue;
    const qr = jsQR(toRgba(img), img.width, img.height);
    if (qr) found.push(qr.data);
  }
  return found;
}
