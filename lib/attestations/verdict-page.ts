import 'server-only';
import { formatSiret } from '@/lib/companies/siret';
import { formatDayLong } from '@/lib/format';
import { escapeHtml } from '@/lib/html';
import type { Verification } from './verify';

// /verifier/<code> — what the QR code opens — as one small HTML document built from strings, served by a
// route handler (app/(public)/verifier/[code]/route.ts) rather than rendered as a React page.
//
// Why: the issue asks this page to keep up with a trivial Next route handler (≥ 0.8× its throughput at
// 50 connections). A page under the App Router costs a React server render, the flight payload and the
// HTML render of both, plus the public layout: measured at 0.15–0.2× a trivial handler (npm run bench,
// « /verifier », a form page that verifies nothing). Here the work is the verification itself and a
// string concatenation; the stylesheet is inline (a phone opening a QR gets the verdict in one request).
// Same texts, headings and form as the React pages around it, same colours; every value is escaped.

export type VerdictPageCaisse = { name: string; addressLine: string; postcode: string; city: string; phone: string };

type Tone = 'ok' | 'warn' | 'bad' | 'neutral';
const toneIcons: Record<Tone, string> = { ok: '✓', warn: '!', bad: '✗', neutral: '?' };

// The colours of app/globals.css and of the Tailwind classes the React verdict used (green/amber/red/slate).
const css = `
*,::before,::after{box-sizing:border-box}
html{color:#1b2537;-webkit-text-size-adjust:100%;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5}
body{margin:0;min-height:100vh;background:#fff}
a{color:#0b4f9c}
:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:.5rem;top:.5rem;z-index:50;background:#fff;padding:.5rem}
header{border-bottom:4px solid #0b4f9c}
.bar{max-width:72rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.75rem}
.home{display:flex;align-items:center;gap:.75rem;text-decoration:none;min-height:2.75rem}
.logo{display:grid;place-items:center;width:2.75rem;height:2.75rem;border-radius:.375rem;background:#0b4f9c;color:#fff;font-weight:900;font-size:1.125rem}
.home b{display:block;font-size:1.125rem;color:#083a73;line-height:1.25}
.home small{display:block;font-size:.875rem;color:#4a5568;line-height:1.25}
.cta{display:inline-flex;align-items:center;min-height:2.75rem;border-radius:.375rem;background:#f2a900;color:#1b2537;padding:.5rem 1rem;font-weight:700;text-transform:uppercase;letter-spacing:.025em;text-decoration:none}
main{max-width:42rem;margin:0 auto;padding:2rem 1rem;display:flex;flex-direction:column;gap:1.5rem}
h1{margin:0;font-size:1.875rem;line-height:1.2;font-weight:900;color:#083a73}
.verdict{border-left:8px solid;border-radius:.75rem;padding:1.25rem}
.verdict h2{margin:0;display:flex;align-items:center;gap:.75rem;font-size:1.5rem;line-height:1.25;font-weight:900}
.verdict .icon{display:grid;place-items:center;flex-shrink:0;width:2.5rem;height:2.5rem;border-radius:9999px;background:#fff;font-size:1.5rem}
.verdict p{margin:.75rem 0 0;font-size:1.125rem}
.ok{border-color:#15803d;background:#f0fdf4;color:#14532d}
.warn{border-color:#d97706;background:#fffbeb;color:#451a03}
.bad{border-color:#b91c1c;background:#fef2f2;color:#7f1d1d}
.neutral{border-color:#64748b;background:#f8fafc;color:#1b2537}
dl{margin:0;display:grid;gap:.5rem 1.5rem;border:1px solid #e2e8f0;border-radius:.5rem;padding:1.25rem}
dt{color:#4a5568}
dd{margin:0 0 .5rem;font-size:1.125rem;font-weight:700;overflow-wrap:anywhere}
.note{margin:0;display:flex;align-items:flex-start;gap:.5rem}
.note .tick{font-weight:700;color:#166534}
.muted{margin:0;color:#4a5568}
.link{display:inline-flex;align-items:center;min-height:2.75rem;font-weight:600}
form{display:flex;flex-direction:column;gap:.75rem}
label{font-size:1.125rem;font-weight:700}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap}
.error{margin:0;border-left:4px solid #b91c1c;border-radius:.25rem;background:#fef2f2;padding:.75rem;font-weight:600;color:#991b1b}
input{min-height:4rem;width:100%;border:2px solid #64748b;border-radius:.375rem;padding:0 .75rem;font:inherit;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:1.25rem;text-transform:uppercase;letter-spacing:.025em}
button{min-height:3.5rem;border:0;border-radius:.375rem;background:#0b4f9c;color:#fff;padding:0 1.5rem;font:inherit;font-size:1.25rem;font-weight:700;cursor:pointer}
button:hover{background:#083a73}
footer{margin-top:4rem;background:#083a73;color:#fff}
footer a{color:#fff}
footer .bar{align-items:flex-start}
footer p{margin:0}
footer ul{margin:0;padding:0;list-style:none}
footer .link{font-weight:400}
@media (min-width:640px){h1{font-size:2.25rem}.verdict h2{font-size:1.875rem}dl{grid-template-columns:auto 1fr}dd{margin-bottom:0}input{font-size:1.875rem;letter-spacing:.1em;padding:0 1rem}}
@media print{header .cta,footer{display:none}}
`
  .trim()
  .replace(/\n/g, '');

function verdictBlock(tone: Tone, title: string, body?: string): string {
  return (
    `<section aria-labelledby="verdict" class="verdict ${tone}"><h2 id="verdict"><span aria-hidden="true" class="icon">${toneIcons[tone]}</span>${escapeHtml(title)}</h2>` +
    (body ? `<p>${body}</p>` : '') +
    '</section>'
  );
}

/** The code form of /verifier, as in app/(public)/verifier/code-form.tsx (a GET form, no JavaScript). */
function codeForm(typed: string, error: string): string {
  return (
    '<form action="/verifier" method="get" novalidate>' +
    '<label for="code">Code de vérification</label>' +
    '<p id="code-aide" class="muted">16 caractères imprimés sous le QR code, par exemple <span class="mono">7KQ2-M9XD-4TFA-RC38</span>. Tirets, espaces et minuscules sont acceptés.</p>' +
    `<p id="code-erreur" class="error">${escapeHtml(error)}</p>` +
    `<input id="code" name="code" type="text" inputmode="text" autocapitalize="characters" autocomplete="off" autocorrect="off" spellcheck="false" maxlength="40" required value="${escapeHtml(typed)}" aria-invalid="true" aria-describedby="code-erreur code-aide" placeholder="XXXX-XXXX-XXXX-XXXX">` +
    '<button type="submit">Vérifier</button>' +
    '</form>'
  );
}

function details(v: Extract<Verification, { attestation: unknown }>): string {
  const a = v.attestation;
  const rows: [string, string][] = [
    ['Entreprise', a.companyName],
    ['SIRET', formatSiret(a.siret)],
    ['Date de délivrance', formatDayLong(a.issuedOn)],
    ['Fin de validité', formatDayLong(a.validUntil)],
    ['Numéro d’attestation', a.number],
    ['Code de vérification', v.code],
  ];
  return `<dl>${rows.map(([label, value]) => `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
}

function signatureNote(v: Extract<Verification, { attestation: unknown }>): string {
  if (v.signature !== 'verified')
    return '<p class="muted">Vérification faite à partir du code saisi. Scanner le QR code de l’attestation permet en plus de vérifier sa signature électronique.</p>';
  const kid = v.kid ? ` (« ${escapeHtml(v.kid)} »)` : '';
  return (
    '<p class="note"><span aria-hidden="true" class="tick">✓</span><span>' +
    `La signature électronique du QR code a été vérifiée avec la clé publique de la caisse${kid} : les informations ci-dessus sont bien celles que la caisse a signées.` +
    '</span></p>'
  );
}

function verdictContent(v: Verification, typed: string): string {
  switch (v.verdict) {
    case 'invalid_code':
      return verdictBlock('neutral', 'Code de vérification incorrect') + codeForm(typed, v.message);
    case 'throttled': {
      const minutes = Math.max(1, Math.ceil(v.retryAfterSeconds / 60));
      return verdictBlock(
        'neutral',
        'Trop de vérifications',
        `Trop de vérifications ont été demandées depuis votre connexion. Réessayez dans ${minutes} minute${v.retryAfterSeconds > 60 ? 's' : ''}.`,
      );
    }
    case 'not_authentic':
      return verdictBlock(
        'bad',
        'Attestation non authentique',
        'La signature électronique de ce QR code ne correspond à aucune attestation délivrée par la caisse : le document a pu être modifié. Ne vous y fiez pas et contactez l’entreprise ou la caisse.',
      );
    case 'unknown':
      return verdictBlock(
        'bad',
        'Attestation inconnue',
        `Aucune attestation ne porte le code ${escapeHtml(v.code)}. Vérifiez le code sur le document ; s’il est exact, ce document n’a pas été délivré par la caisse.`,
      );
    case 'valid':
      return (
        verdictBlock('ok', 'Attestation authentique et valide', `Délivrée par la caisse, valable jusqu’au ${formatDayLong(v.attestation.validUntil)} inclus.`) +
        details(v) +
        signatureNote(v)
      );
    case 'expired':
      return (
        verdictBlock('warn', 'Attestation expirée', `Authentique, mais expirée depuis le ${formatDayLong(v.expiredSince)}. Demandez une attestation récente à l’entreprise.`) +
        details(v) +
        signatureNote(v)
      );
    case 'revoked':
      return (
        verdictBlock(
          'bad',
          'Attestation révoquée',
          `La caisse a révoqué cette attestation le ${formatDayLong(v.revokedOn)} : elle ne vaut plus. Demandez une attestation récente à l’entreprise.`,
        ) +
        details(v) +
        signatureNote(v)
      );
  }
}

/**
 * The whole document as UTF-8 bytes. `typed`: the code as it came in the URL (refilled in the form when it
 * is malformed). Around the verdict, everything depends on the caisse only: encoded once per caisse
 * row (getCaisseCached hands the same object for a minute) instead of rebuilt as a ~7 KB string on every
 * scan — the string, two bytes per character because of the French typography, was most of what this page
 * allocated beyond the JSON endpoint (npm run bench, issue 5: fewer allocations, fewer garbage collections
 * under load).
 */
export function renderVerdictPageBytes(v: Verification, typed: string, caisse: VerdictPageCaisse): Uint8Array<ArrayBuffer> {
  const { before, after } = frameOf(caisse);
  const middle = Buffer.from(verdictContent(v, typed), 'utf8');
  const page = new Uint8Array(before.length + middle.length + after.length);
  page.set(before, 0);
  page.set(middle, before.length);
  page.set(after, before.length + middle.length);
  return page;
}

/** The same, as a string (tests). */
export function renderVerdictPage(v: Verification, typed: string, caisse: VerdictPageCaisse): string {
  return Buffer.from(renderVerdictPageBytes(v, typed, caisse).buffer).toString('utf8');
}

const frames = new WeakMap<VerdictPageCaisse, { before: Buffer; after: Buffer }>();

function frameOf(caisse: VerdictPageCaisse): { before: Buffer; after: Buffer } {
  let frame = frames.get(caisse);
  if (!frame) {
    frame = { before: Buffer.from(pageBefore(caisse), 'utf8'), after: Buffer.from(pageAfter(caisse), 'utf8') };
    frames.set(caisse, frame);
  }
  return frame;
}

function pageBefore(caisse: VerdictPageCaisse): string {
  const name = escapeHtml(caisse.name);
  return (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="theme-color" content="#0b4f9c">' +
    '<meta name="robots" content="noindex, nofollow">' +
    '<title>Vérification d’une attestation — CIBTP Grand Est</title>' +
    `<style>${css}</style></head><body>` +
    '<header><a href="#contenu" class="skip">Aller au contenu</a><div class="bar">' +
    `<a href="/" class="home" aria-label="${name} — accueil"><span aria-hidden="true" class="logo">CI</span><span><b>${name}</b><small>Congés payés du bâtiment et des travaux publics</small></span></a>` +
    '<a href="/connexion" class="cta">Services en ligne</a>' +
    '</div></header>' +
    '<main id="contenu"><h1>Vérification d’une attestation de mise à jour</h1>'
  );
}

function pageAfter(caisse: VerdictPageCaisse): string {
  const name = escapeHtml(caisse.name);
  const phone = escapeHtml(caisse.phone);
  return (
    '<p class="muted"><a href="/verifier" class="link">Vérifier une autre attestation</a></p>' +
    '</main>' +
    '<footer><div class="bar"><div>' +
    `<p><b>${name}</b></p><p>${escapeHtml(caisse.addressLine)}, ${escapeHtml(caisse.postcode)} ${escapeHtml(caisse.city)}</p>` +
    `<p>Téléphone : <a class="link" href="tel:${escapeHtml(caisse.phone.replace(/\s/g, ''))}">${phone}</a></p>` +
    '</div><ul>' +
    '<li><a class="link" href="/nos-sites">Nos sites</a></li>' +
    '<li><a class="link" href="/accessibilite">Accessibilité : partiellement conforme</a></li>' +
    '<li><a class="link" href="/mentions-legales">Mentions légales</a></li>' +
    '</ul></div></footer></body></html>'
  );
}
