// TrueType table surgery for the PDF fonts (pure, no I/O). Not 'server-only' so that unit tests can
// import it; only lib/pdf/fonts.ts uses it.
//
// Why: react-pdf lays text out with fontkit and pdfkit embeds it, and with DejaVu as shipped two things
// cost on every document (measured with a CPU profile of the attestation render):
//   - GSUB/GPOS/GDEF: fontkit runs every OpenType lookup of DejaVu (hundreds of scripts) on every text
//     run. French text needs none of them: accented letters are precomposed glyphs, and kerning stays
//     (fontkit falls back to the classic `kern` table that DejaVu also carries).
//   - the `name` table (15 kB, names and licence in several languages): pdfkit compares fonts with
//     JSON.stringify(name.records) on every text run (isEqualFont).
// Neither table is copied into the PDF (pdfkit embeds a subset made of glyf/loca/hmtx/…), so the
// documents look the same; only the work to produce them shrinks.

type Table = { tag: string; data: Buffer };

function readTables(font: Buffer): Table[] {
  const count = font.readUInt16BE(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const o = 12 + 16 * i;
    const offset = font.readUInt32BE(o + 8);
    tables.push({ tag: font.toString('latin1', o, o + 4), data: font.subarray(offset, offset + font.readUInt32BE(o + 12)) });
  }
  return tables;
}

function checksum(padded: Buffer): number {
  let sum = 0;
  for (let k = 0; k < padded.length; k += 4) sum = (sum + padded.readUInt32BE(k)) >>> 0;
  return sum;
}

/** An sfnt file made of these tables (directory sorted by tag, each table 4-byte aligned). */
function writeFont(sfntVersion: number, tables: Table[]): Buffer {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = sorted.length;
  const entrySelector = Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(sfntVersion, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(16 << entrySelector, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(16 * n - (16 << entrySelector), 10);
  const parts = [header];
  let offset = header.length;
  sorted.forEach(({ tag, data }, i) => {
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    const o = 12 + 16 * i;
    header.write(tag, o, 'latin1');
    header.writeUInt32BE(checksum(padded), o + 4);
    header.writeUInt32BE(offset, o + 8);
    header.writeUInt32BE(data.length, o + 12);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** The `name` table reduced to its Windows English records among `keepIds` (names, copyright, licence). */
function trimNameTable(name: Buffer, keepIds: number[]): Buffer {
  const count = name.readUInt16BE(2);
  const storage = name.readUInt16BE(4);
  const kept: { record: Buffer; text: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const o = 6 + 12 * i;
    const [platform, language, nameId] = [name.readUInt16BE(o), name.readUInt16BE(o + 4), name.readUInt16BE(o + 6)];
    if (platform !== 3 || language !== 0x409 || !keepIds.includes(nameId)) continue;
    const start = storage + name.readUInt16BE(o + 10);
    kept.push({ record: Buffer.from(name.subarray(o, o + 12)), text: name.subarray(start, start + name.readUInt16BE(o + 8)) });
  }
  const header = Buffer.alloc(6);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(kept.length, 2);
  header.writeUInt16BE(6 + 12 * kept.length, 4);
  let offset = 0;
  for (const k of kept) {
    k.record.writeUInt16BE(offset, 10);
    offset += k.text.length;
  }
  return Buffer.concat([header, ...kept.map((k) => k.record), ...kept.map((k) => k.text)]);
}

// 0 copyright, 1–6 family/style/unique/full/version/PostScript names. The licence text (13, 5 kB) goes:
// it stays in assets/fonts/LICENSE-DejaVu.txt, and no name table is ever embedded in a PDF anyway.
const NAME_IDS_KEPT = [0, 1, 2, 3, 4, 5, 6];
const LAYOUT_TABLES = ['GSUB', 'GPOS', 'GDEF'];

/** The font without its OpenType layout tables and with a short name table (see the top of this file). */
export function prepareFontForPdf(font: Buffer): Buffer {
  const tables = readTables(font)
    .filter((t) => !LAYOUT_TABLES.includes(t.tag))
    .map((t) => (t.tag === 'name' ? { tag: t.tag, data: trimNameTable(t.data, NAME_IDS_KEPT) } : t));
  return writeFont(font.readUInt32BE(0), tables);
}

/** Table tags of an sfnt file (for tests). */
export function fontTableTags(font: Buffer): string[] {
  return readTables(font).map((t) => t.tag);
}
