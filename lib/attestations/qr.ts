import zlib from 'node:zlib';
import QRCode from 'qrcode';

// The QR code as a 1-bit greyscale PNG encoded here rather than by `qrcode`'s toDataURL: that one draws
// an RGBA image pixel by pixel in JavaScript, and react-pdf (pdfkit) must then decode it again to split
// the alpha channel. A PNG without alpha is embedded as is (its IDAT stream becomes the PDF image
// stream), so this costs one native deflate of a few kilobytes.

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(type)) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A crisp QR code PNG: `scale` pixels per module, `margin` modules of quiet zone (4 is the standard). */
export function renderQrPng(text: string, options: { scale?: number; margin?: number; errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; maskPattern?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 } = {}): Buffer {
  const { scale = 8, margin = 4, errorCorrectionLevel = 'M' } = options;
  // One byte-mode segment: the URL is mostly lower-case base64url, so qrcode's search for the best mix of
  // modes (a shortest-path over segments) costs twice the encoding itself and finds the same version.
  // A fixed mask: choosing the « best » of the eight (qrcode scores each one over the whole matrix) was
  // most of the cost of the symbol, and any mask is a valid QR code that every reader decodes.
  const qr = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel, maskPattern: options.maskPattern ?? 0 });
  const n = qr.modules.size;
  const modules = qr.modules.data;
  const size = (n + 2 * margin) * scale;
  const rowBytes = Math.ceil(size / 8);
  const stride = rowBytes + 1;
  const raw = Buffer.alloc(stride * size, 0xff);
  // Each row of modules is drawn once, then copied to its `scale` pixel rows.
  for (let my = 0; my < n; my++) {
    const first = (margin + my) * scale * stride;
    for (let mx = 0; mx < n; mx++) {
      if (!modules[my * n + mx]) continue;
      for (let x = (margin + mx) * scale, end = x + scale; x < end; x++) raw[first + 1 + (x >> 3)]! &= ~(0x80 >> (x & 7));
    }
    for (let k = 1; k < scale; k++) raw.copy(raw, first + k * stride, first, first + stride);
  }
  for (let y = 0; y < size; y++) raw[y * stride] = 0; // filter byte of each row: none
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
