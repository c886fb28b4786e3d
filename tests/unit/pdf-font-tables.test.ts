import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontTableTags, prepareFontForPdf } from '@/lib/pdf/font-tables';

function table(font: Buffer, tag: string): Buffer | undefined {
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const o = 12 + 16 * i;
    if (font.toString('latin1', o, o + 4) === tag) return font.subarray(font.readUInt32BE(o + 8), font.readUInt32BE(o + 8) + font.readUInt32BE(o + 12));
  }
  return undefined;
}

/** The English (Windows) strings of a name table, by name id. */
function names(font: Buffer): Map<number, string> {
  const name = table(font, 'name')!;
  const storage = name.readUInt16BE(4);
  const out = new Map<number, string>();
  for (let i = 0; i < name.readUInt16BE(2); i++) {
    const o = 6 + 12 * i;
    if (name.readUInt16BE(o) !== 3 || name.readUInt16BE(o + 4) !== 0x409) continue;
    const start = storage + name.readUInt16BE(o + 10);
    out.set(name.readUInt16BE(o + 6), name.subarray(start, start + name.readUInt16BE(o + 8)).swap16().toString('utf16le'));
  }
  return out;
}

describe.each(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'])('prepareFontForPdf(%s)', (file) => {
  const original = fs.readFileSync(path.join(process.cwd(), 'assets', 'fonts', file));
  const prepared = prepareFontForPdf(original);

  it('drops exactly the OpenType layout tables', () => {
    expect(fontTableTags(original)).toEqual(expect.arrayContaining(['GSUB', 'GPOS', 'GDEF', 'kern', 'cmap', 'glyf']));
    expect(fontTableTags(prepared).sort()).toEqual(fontTableTags(original).filter((t) => !['GSUB', 'GPOS', 'GDEF'].includes(t)).sort());
  });

  it('keeps every other table byte for byte, except the name table', () => {
    for (const tag of fontTableTags(prepared).filter((t) => t !== 'name')) expect(table(prepared, tag)!.equals(table(original, tag)!), tag).toBe(true);
  });

  it('keeps the family, PostScript name and copyright, not the licence text', () => {
    const before = names(original);
    const after = names(prepared);
    expect([...after.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const id of after.keys()) expect(after.get(id)).toBe(before.get(id));
    expect(after.get(1)).toBe('DejaVu Sans');
    expect(table(prepared, 'name')!.length).toBeLessThan(1000);
  });
});
