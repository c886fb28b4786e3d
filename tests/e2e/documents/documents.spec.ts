import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { signIn } from '../fixtures/accounts';
import { expectNoAxeViolations } from '../fixtures/axe';

function pngBytes(): Buffer {
  const png = new PNG({ width: 8, height: 8 });
  png.data.fill(120);
  return PNG.sync.write(png);
}

async function openMyDocuments(page: Page) {
  await signIn(page, 'bureau@charpentes-champenoises.test', 'Demo-Champagne-2026!');
  await expect(page).toHaveURL(/\/espace$/);
  await page.getByRole('link', { name: 'Mes documents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes documents' })).toBeVisible();
}

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

test('uploads a PNG named .pdf, sees it listed as an image, downloads the same bytes as .png, then deletes it', async ({ page }) => {
  const title = `Plan du chantier ${test.info().project.name} ${Date.now()}`;
  const plain = pngBytes();
  await openMyDocuments(page);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // A page that is not a PDF, an image: refused at the field.
  await page.getByLabel('Titre du document').fill(title);
  await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'facture.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><p>pas un PDF</p>') });
  await page.getByRole('button', { name: 'Déposer le document' }).click();
  await expect(page.getByText('Ce fichier n’est ni un PDF, ni une image JPEG ou PNG : seuls ces formats sont acceptés.')).toBeVisible();
  await expect(page.getByLabel('Fichier', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Titre du document')).toHaveValue(title);
  await expectNoAxeViolations(page);

  await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'plan-chantier.pdf', mimeType: 'application/pdf', buffer: plain });
  await page.getByRole('button', { name: 'Déposer le document' }).click();
  await expect(page.getByText(`Le document « ${title} » est déposé.`)).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: title });
  await expect(item).toContainText('Document déposé');
  await expect(item).toContainText('plan-chantier.png');

  const downloading = page.waitForEvent('download');
  await item.getByRole('link', { name: `Télécharger « ${title} »` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('plan-chantier.png');
  expect(fs.readFileSync((await download.path())!).equals(plain)).toBe(true);

  // Filter by type: only uploads.
  await page.getByLabel('Type de document').selectOption('upload');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/type=upload/);
  await expect(page.getByRole('listitem').filter({ hasText: title })).toBeVisible();
  await expect(page.getByText('Attestation de mise à jour ATT-')).toHaveCount(0);

  // Delete, after confirming.
  const row = page.getByRole('listitem').filter({ hasText: title });
  await row.getByText(`Supprimer « ${title} »`).click();
  await expect(row.getByText(`Supprimer définitivement « ${title} » ?`)).toBeVisible();
  await expectNoAxeViolations(page);
  await row.getByRole('button', { name: `Oui, supprimer « ${title} »` }).click();
  await expect(page.getByText('Le document est supprimé.')).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(title)).toHaveCount(0);
});

test('with JavaScript, a progress bar follows the upload', async ({ page }) => {
  const title = `Photo lente ${test.info().project.name} ${Date.now()}`;
  await openMyDocuments(page);
  // A slow line (≈ 256 KB/s up) so that the upload of ≈ 1 MB lasts a few seconds.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  await page.getByLabel('Titre du document').fill(title);
  await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.concat([pngBytes(), Buffer.alloc(1024 * 1024)]) });
  await page.getByRole('button', { name: 'Déposer le document' }).click();
  const bar = page.getByRole('progressbar', { name: /Envoi du fichier : \d+ %/ });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('button', { name: 'Envoi en cours…' })).toBeDisabled();
  await expectNoAxeViolations(page);
  await expect(page.getByText(`Le document « ${title} » est déposé.`)).toBeVisible({ timeout: 30_000 });
  await expect(bar).toHaveCount(0);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
});

test('without JavaScript the form still uploads, and the download serves the file with safe headers', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: test.info().project.use.viewport ?? undefined, baseURL });
  const page = await context.newPage();
  const title = `Kbis sans JavaScript ${test.info().project.name} ${Date.now()}`;
  await openMyDocuments(page);

  // Refused at the field, the title kept.
  await page.getByLabel('Titre du document').fill(title);
  await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'vide.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
  await page.getByRole('button', { name: 'Déposer le document' }).click();
  await expect(page.getByText('Ce fichier est vide : choisissez un fichier PDF, JPEG ou PNG.')).toBeVisible();
  await expect(page.getByLabel('Titre du document')).toHaveValue(title);

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'Kbis société é.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Déposer le document' }).click();
  await expect(page.getByText('Votre document est déposé.')).toBeVisible();
  const link = page.getByRole('listitem').filter({ hasText: title }).getByRole('link', { name: `Télécharger « ${title} »` });
  const href = await link.getAttribute('href');

  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['cache-control']).toBe('private, no-store');
  expect(res.headers()['content-disposition']).toBe(`attachment; filename="Kbis societe e.pdf"; filename*=UTF-8''Kbis%20soci%C3%A9t%C3%A9%20%C3%A9.pdf`);
  expect(Buffer.from(await res.body()).equals(pdf)).toBe(true);

  // A post from another site, even with the member's cookies, is refused (route handlers check the Origin).
  const uploadUrl = await page.locator('form[action^="/espace/documents/deposer"]').getAttribute('action');
  expect(uploadUrl).toMatch(/^\/espace\/documents\/deposer\?entreprise=[0-9a-f-]{36}$/);
  const foreign = await page.request.post(uploadUrl!, {
    headers: { origin: 'https://attaquant.example' },
    multipart: { titre: 'CSRF', fichier: { name: 'x.pdf', mimeType: 'application/pdf', buffer: pdf } },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);

  // Another visitor (no session) gets 404 for the same address.
  const anonymous = await browser.newContext({ baseURL });
  expect((await anonymous.request.get(href!, { maxRedirects: 0 })).status()).toBe(404);
  await anonymous.close();
  await context.close();
});
