import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { signIn } from '../fixtures/accounts';
import { readPdfText } from '../../support/pdf';

/** « 1 234,56 € » → 123456 */
function cents(text: string): number {
  return Number(text.replace(/[^\d,]/g, '').replace(',', '.')) * 100;
}

/** The month the demo seed leaves unpaid: the latest of the 12 declared months already due (45 days after its end). */
function unpaidDemoMonth(today: Date): string {
  for (let offset = -1; offset >= -12; offset--) {
    const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1));
    const due = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0 + 45));
    if (due.toISOString().slice(0, 10) <= today.toISOString().slice(0, 10))
      return new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(start);
  }
  throw new Error('no month due');
}

/** The month's visible entry: a table row on wide screens, a card on phones. */
function monthEntry(page: Page, text: string): Locator {
  return page.locator('tr, li').filter({ hasText: text }).filter({ hasText: 'En retard' }).filter({ visible: true });
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('the Strasbourg company sees its unpaid month and its penalty, registers a SEPA mandate, confirms a payment and downloads its statement', async ({ page, browser }) => {
  await signIn(page, 'gerant@renovation-rhenane.test', 'Demo-Rhenane-2026!');
  await expect(page).toHaveURL(/\/espace$/);
  // The dashboard's card says why the company is not up to date.
  const month = unpaidDemoMonth(new Date());
  await expect(page.getByText('Situation : non à jour')).toBeVisible();
  await page.getByRole('link', { name: 'Paiements', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Paiements' })).toBeVisible();
  await expect(page.getByText(/n’est pas à jour/)).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^Cotisation (de |d’)${month} impayée`) })).toBeVisible();

  // The relevé de compte: the unpaid month, late, with 1 % of its contribution as penalty.
  await expect(page.getByRole('heading', { level: 2, name: 'Relevé de compte' })).toBeVisible();
  const late = monthEntry(page, month);
  await expect(late).toHaveCount(1);
  const isPhone = test.info().project.name === 'phone';
  const cells = late.locator(isPhone ? 'dd' : 'td');
  const due = cents(await cells.nth(0).innerText());
  const penalty = cents(await cells.nth(3).innerText());
  const balance = cents(await cells.nth(4).innerText());
  expect(due).toBeGreaterThan(0);
  expect(penalty).toBe(Math.floor((due * 100 + 5000) / 10000));
  expect(balance).toBe(due + penalty);
  await expectNoAxeViolations(page);
  await noHorizontalScroll(page);

  // « Payer par virement »: the caisse's IBAN in groups of four and the reference to quote.
  await expect(page.getByText('FR76 3000 6000 0112 3456 7890 189', { exact: true })).toBeVisible();
  await expect(page.getByText(/^COT-GE067001523-\d{6}$/)).toBeVisible();

  // The statement as a PDF.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le relevé de compte (PDF)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^releve-de-compte-\d{4}-\d{2}-\d{2}\.pdf$/);
  const statement = (await readPdfText(fs.readFileSync((await download.path())!))).replace(/\s+/g, ' ');
  expect(statement).toContain('Relevé de compte au');
  expect(statement).toContain('Rénovation Rhénane Démo SAS');
  expect(statement).toContain(month);
  expect(statement).toContain('en retard');
  // It files a document: only a POST from our pages does, never a link (GET) or another site's form.
  expect((await page.request.get('/espace/paiements/releve')).status()).toBe(405);
  expect((await page.request.post('/espace/paiements/releve', { headers: { origin: 'https://ailleurs.example' } })).status()).toBe(403);

  // A SEPA B2B mandate: a wrong IBAN is refused at the field, then a good one registered.
  const ibanField = page.getByLabel('IBAN du compte à débiter');
  if (!(await ibanField.isVisible())) await page.getByText(/Enregistrer un mandat de prélèvement SEPA B2B|Changer de compte/).click();
  await ibanField.fill('FR76 3000 6000 0112 3456 7890 188');
  await page.getByLabel('BIC de la banque').fill('AGRIFRPP');
  await page.getByRole('button', { name: 'Enregistrer le mandat' }).click();
  await expect(page.getByText('IBAN invalide : vérifiez chaque caractère')).toBeVisible();
  await expect(page.getByLabel('IBAN du compte à débiter')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await page.getByLabel('IBAN du compte à débiter').fill('fr76 3000 6000 0112 3456 7890 189');
  await page.getByRole('button', { name: 'Enregistrer le mandat' }).click();
  await expect(page).toHaveURL(/mandat=enregistre/);
  await expect(page.getByText('Mandat enregistré.')).toBeVisible();
  const rum = (await page.getByText(/^CIBTPGE-GE-067-001523-\d{3}$/).innerText()).trim();
  await expect(page.getByText('FR72ZZZ123456')).toBeVisible();
  await expect(page.getByText('Vos cotisations sont prélevées automatiquement à chaque échéance.')).toBeVisible();
  const mandateHref = (await page.getByRole('link', { name: 'Télécharger le mandat à signer (PDF)' }).getAttribute('href'))!;
  const mandateDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger le mandat à signer (PDF)' }).click();
  const mandateText = (await readPdfText(fs.readFileSync((await (await mandateDownload).path())!))).replace(/\s+/g, ' ');
  expect(mandateText).toContain(rum);
  expect(mandateText).toContain('FR72ZZZ123456');
  expect(mandateText).toContain('FR76 3000 6000 0112 3456 7890 189');

  // The company confirms its payment: announced, shown, not yet counted.
  const option = await page.getByLabel('Mois payé').locator('option', { hasText: month }).getAttribute('value');
  await page.getByLabel('Mois payé').selectOption(option!);
  await page.getByLabel('Virement').check();
  await page.getByRole('button', { name: 'Confirmer le paiement' }).click();
  await expect(page.getByText(/confirmé\. Il sera compté comme reçu/)).toBeVisible();
  await expect(monthEntry(page, month)).toContainText('en attente de réception');
  await expectNoAxeViolations(page);
  await noHorizontalScroll(page);

  // Another company's user gets « not found » for this mandate; so does an anonymous visitor.
  expect((await page.request.get(mandateHref)).status()).toBe(200);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  expect((await otherPage.request.get(mandateHref, { maxRedirects: 0 })).status()).not.toBe(200);
  await signIn(otherPage, 'bureau@charpentes-champenoises.test', 'Demo-Champagne-2026!');
  await expect(otherPage).toHaveURL(/\/espace$/);
  expect((await otherPage.request.get(mandateHref)).status()).toBe(404);
  expect((await otherPage.request.get('/espace/paiements/mandat/pas-un-identifiant')).status()).toBe(404);
  await other.close();
});
