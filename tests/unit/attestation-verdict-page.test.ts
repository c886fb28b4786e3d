import { describe, expect, it } from 'vitest';
import { renderVerdictPage, renderVerdictPageBytes } from '@/lib/attestations/verdict-page';
import { escapeHtml } from '@/lib/html';
import type { Verification } from '@/lib/attestations/verify';

const caisse = { name: 'CIBTP Grand Est', addressLine: '1 rue de la Paix', postcode: '54000', city: 'Nancy', phone: '03 83 00 00 00' };
const attestation = { number: 'ATT-2026-000042', companyName: 'Dupont & Fils <SARL>', siret: '94567890200012', issuedOn: '2026-11-27', validUntil: '2027-02-26' };
const code = '7KQ2-M9XD-4TFA-RC38';

/** The page's text as a reader gets it: tags dropped, entities decoded. */
function text(html: string): string {
  return html
    .replace(/<style>.*?<\/style>/s, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const cases: { v: Verification; heading: string; says: string[]; lacks?: string[] }[] = [
  {
    v: { verdict: 'valid', code, signature: 'verified', kid: 'caisse-2026', attestation },
    heading: 'Attestation authentique et valide',
    says: ['valable jusqu’au 26 février 2027 inclus', 'Dupont & Fils <SARL>', '945 678 902 00012', '27 novembre 2026', 'ATT-2026-000042', code, 'La signature électronique du QR code a été vérifiée', '« caisse-2026 »'],
  },
  {
    v: { verdict: 'valid', code, signature: 'absent', attestation },
    heading: 'Attestation authentique et valide',
    says: ['Vérification faite à partir du code saisi.'],
    lacks: ['a été vérifiée'],
  },
  { v: { verdict: 'expired', code, signature: 'absent', attestation, expiredSince: '2027-02-27' }, heading: 'Attestation expirée', says: ['expirée depuis le 27 février 2027'] },
  { v: { verdict: 'revoked', code, signature: 'absent', attestation, revokedOn: '2026-12-01' }, heading: 'Attestation révoquée', says: ['révoqué cette attestation le 1 décembre 2026'] },
  { v: { verdict: 'unknown', code, signature: 'absent' }, heading: 'Attestation inconnue', says: [`Aucune attestation ne porte le code ${code}`], lacks: ['Entreprise'] },
  { v: { verdict: 'not_authentic', code }, heading: 'Attestation non authentique', says: ['le document a pu être modifié'], lacks: ['Entreprise'] },
  { v: { verdict: 'throttled', retryAfterSeconds: 90 }, heading: 'Trop de vérifications', says: ['Réessayez dans 2 minutes.'] },
  { v: { verdict: 'invalid_code', message: 'Ce code comporte une faute de frappe : relisez.' }, heading: 'Code de vérification incorrect', says: ['Ce code comporte une faute de frappe', 'Code de vérification'] },
];

describe('the verdict page (/verifier/<code>)', () => {
  it.each(cases)('$heading', ({ v, heading, says, lacks }) => {
    const html = renderVerdictPage(v, '7kq2 m9xd', caisse);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="fr">/);
    expect(html).toContain('<h1>Vérification d’une attestation de mise à jour</h1>');
    expect(html).toMatch(new RegExp(`<h2 id="verdict">.*?</span>${heading}</h2>`));
    const t = text(html);
    for (const s of says) expect(t).toContain(s);
    for (const s of lacks ?? []) expect(t).not.toContain(s);
    expect(t).toContain('Vérifier une autre attestation');
    expect(t).toContain('1 rue de la Paix, 54000 Nancy');
  });

  it('escapes every value that comes from a record or the URL', () => {
    const html = renderVerdictPage({ verdict: 'valid', code, signature: 'absent', attestation }, code, caisse);
    expect(html).toContain('Dupont &amp; Fils &lt;SARL&gt;');
    expect(html).not.toContain('<SARL>');
    const form = renderVerdictPage({ verdict: 'invalid_code', message: 'x' }, '"><script>alert(1)</script>', caisse);
    expect(form).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(form).not.toContain('<script>');
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('refills the form with the code as typed, its error tied to the field', () => {
    const html = renderVerdictPage({ verdict: 'invalid_code', message: 'Le code de vérification compte 16 caractères.' }, '7KQ2-M9XD', caisse);
    expect(html).toContain('<form action="/verifier" method="get" novalidate>');
    expect(html).toContain('<label for="code">Code de vérification</label>');
    expect(html).toMatch(/<input id="code" name="code"[^>]* value="7KQ2-M9XD" aria-invalid="true" aria-describedby="code-erreur code-aide"/);
    expect(html).toContain('<p id="code-erreur" class="error">Le code de vérification compte 16 caractères.</p>');
  });

  it('frames each caisse row with its own header and footer (encoded once per row), in UTF-8', () => {
    const v: Verification = { verdict: 'valid', code, signature: 'absent', attestation };
    const bytes = renderVerdictPageBytes(v, code, caisse);
    expect(Buffer.from(bytes).toString('utf8')).toBe(renderVerdictPage(v, code, caisse));
    expect(Buffer.from(bytes).toString('utf8')).toContain('Vérification d’une attestation de mise à jour');
    const moved = { ...caisse, name: 'CIBTP Grand Est — Metz', phone: '03 87 00 00 00' };
    const html = renderVerdictPage(v, code, moved);
    expect(text(html)).toContain('CIBTP Grand Est — Metz');
    expect(html).toContain('href="tel:0387000000"');
    expect(renderVerdictPage(v, code, caisse)).not.toContain('Metz');
  });
});
