import { describe, expect, it } from 'vitest';
import { asciiFileName, checkTitle, contentDisposition, formatFileSize, isAcceptedUploadType, parseListedType, storedFileName } from '@/lib/documents/rules';

describe('documents: stored file names take the extension of the detected type', () => {
  it.each([
    ['scan.pdf', 'image/png', 'scan.png'],
    ['plan du chantier.PDF', 'application/pdf', 'plan du chantier.pdf'],
    ['photo', 'image/jpeg', 'photo.jpg'],
    ['C:\\Users\\moi\\Bureau\\kbis.pdf', 'application/pdf', 'kbis.pdf'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['.htaccess', 'image/png', 'document.png'],
    ['a"b<c>d|e?.pdf', 'application/pdf', 'abcde.pdf'],
    ['relevé\u0000\u001f bancaire.jpeg', 'image/jpeg', 'relevé bancaire.jpg'],
    ['', 'image/png', 'document.png'],
    ['x'.repeat(300) + '.pdf', 'application/pdf', 'x'.repeat(100) + '.pdf'],
  ] as const)('%j as %s → %j', (name, type, expected) => {
    expect(storedFileName(name, type)).toBe(expected);
  });
});

describe('documents: Content-Disposition has an ASCII fallback and an RFC 5987 UTF-8 name', () => {
  it.each([
    ['kbis.pdf', 'attachment; filename="kbis.pdf"; filename*=UTF-8\'\'kbis.pdf'],
    ['Accusé de réception 2026-10.pdf', 'attachment; filename="Accuse de reception 2026-10.pdf"; filename*=UTF-8\'\'Accus%C3%A9%20de%20r%C3%A9ception%202026-10.pdf'],
    ['l’attestation (1).pdf', 'attachment; filename="l\'attestation (1).pdf"; filename*=UTF-8\'\'l%E2%80%99attestation%20%281%29.pdf'],
    ['a"b\\c;d.png', 'attachment; filename="a_b_c_d.png"; filename*=UTF-8\'\'a%22b%5Cc%3Bd.png'],
    ['日本.png', 'attachment; filename="_.png"; filename*=UTF-8\'\'%E6%97%A5%E6%9C%AC.png'],
  ])('%j', (name, expected) => {
    expect(contentDisposition(name)).toBe(expected);
  });

  it('never leaves a quote, a backslash, a control character or a leading dot in the ASCII name', () => {
    for (const name of ['"\r\n.pdf', '...secret', '\\\\server\\share', 'ÀÉÎÕÜ']) expect(asciiFileName(name)).toMatch(/^[A-Za-z0-9_ ()'-][A-Za-z0-9._ ()'-]*$/);
  });
});

describe('documents: titles, types, sizes', () => {
  it.each([
    ['  Kbis   2026 ', { ok: true, title: 'Kbis 2026' }],
    ['', { ok: false, code: 'title_missing' }],
    ['   ', { ok: false, code: 'title_missing' }],
    [null, { ok: false, code: 'title_missing' }],
    ['é'.repeat(120), { ok: true, title: 'é'.repeat(120) }],
    ['é'.repeat(121), { ok: false, code: 'title_too_long' }],
  ])('title %j', (raw, expected) => {
    expect(checkTitle(raw)).toEqual(expected);
  });

  it.each([
    ['application/pdf', true],
    ['image/png', true],
    ['image/jpeg', true],
    ['text/html', false],
    ['image/gif', false],
    ['image/svg+xml', false],
    [undefined, false],
    ['constructor', false],
  ])('accepted upload type %s → %s', (mime, expected) => {
    expect(isAcceptedUploadType(mime)).toBe(expected);
  });

  it.each([
    ['upload', 'upload'],
    ['attestation', 'attestation'],
    ['letter', null],
    ['toString', null],
    [undefined, null],
  ])('filter type %s → %s', (value, expected) => {
    expect(parseListedType(value)).toBe(expected);
  });

  it.each([
    [0, '0 octet'],
    [1, '1 octet'],
    [512, '512 octets'],
    [2048, '2 Ko'],
    [1536, '1,5 Ko'],
    [10 * 1024 * 1024, '10 Mo'],
  ])('%d bytes → %s', (n, expected) => {
    expect(formatFileSize(n)).toBe(expected);
  });
});
