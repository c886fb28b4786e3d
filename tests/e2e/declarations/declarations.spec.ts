import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { signIn } from '../fixtures/accounts';
import { readPdfText } from '../../support/pdf';

// Desktop declares for the Strasbourg demo company, the phone for the Reims one: both run on the same
// fresh database. The demo seed sends every month before the current one (it is seeded relative to the
// day it runs), so the month to declare is the month in progress (« Mois en cours », declarable early).
const companies = {
  desktop: { email: 'gerant@renovation-rhenane.test', password: 'Demo-Rhenane-2026!', workers: ['Klein Yasmine', 'Meyer Élodie', 'Muller Antoine', 'Schmitt Marc', 'Wagner Hugo'] },
  phone: { email: 'bureau@charpentes-champenoises.test', password: 'Demo-Champagne-2026!', workers: ['Chevalier Bruno', 'Lefèvre Damien', 'Perrin Sofiane', 'Roux Manon'] },
};

/** The month in progress in Paris: its URL key, its French name, and its contribution's due date (45 days after its end). */
function monthInProgress(now = new Date()) {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(now).split('-').map(Number) as [number, number];
  const utc = (ms: number, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('fr-FR', { ...o, timeZone: 'UTC' }).format(new Date(ms));
  const due = Date.UTC(y, m, 0) + 45 * 86_400_000; // the month's last day + 45 days
  return {
    key: `${y}-${String(m).padStart(2, '0')}`,
    label: utc(Date.UTC(y, m - 1, 1), { month: 'long', year: 'numeric' }),
    dueLong: utc(due, { day: 'numeric', month: 'long', year: 'numeric' }),
    dueShort: utc(due, { day: '2-digit', month: '2-digit', year: 'numeric' }),
  };
}
const month = monthInProgress();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test('declare the month for the company’s workers, send it once, download its receipt', async ({ page }) => {
  const who = companies[test.info().project.name === 'phone' ? 'phone' : 'desktop'];
  await signIn(page, who.email, who.password);
  await expect(page).toHaveURL(/\/espace$/);
  // Dashboard: every month due is declared (the month in progress is due on the 1st of the next).
  await expect(page.getByText('Déclarations : à jour')).toBeVisible();

  await page.goto('/espace/declarations');
  await expect(page.getByRole('heading', { level: 1, name: 'Déclarations' })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole('link', { name: `Déclarer ${month.label}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Déclaration de ${month.label}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // A CSV import: the good row goes into the draft, the bad one is reported with its line number.
  const [lastName, firstName] = who.workers[0]!.split(' ');
  await page.getByText('Importer les lignes depuis un fichier CSV').click();
  await page.getByLabel('Fichier CSV').setInputFiles({
    name: 'declaration.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`nom;prenom;heures;salaire_brut\n${lastName!.toUpperCase()};${firstName};151,67;2 450,00\nInconnu;Jean;10;100\n`),
  });
  await page.getByRole('button', { name: 'Importer le fichier' }).click();
  await expect(page.getByText('1 ligne importée dans le brouillon, 1 refusée (détail ci-dessous).')).toBeVisible();
  await expect(page.getByText('Ligne 3 – Inconnu Jean : refusée (salarié « Inconnu Jean » inconnu ou non employé ce mois-ci)')).toBeVisible();
  await expect(page.getByRole('group', { name: who.workers[0]! }).getByLabel('Salaire brut (€)')).toHaveValue('2 450,00');
  await expectNoAxeViolations(page);

  // One line per worker employed this month; the contribution shows as the user types.
  for (const [i, name] of who.workers.entries()) {
    const line = page.getByRole('group', { name });
    await line.getByLabel('Heures travaillées').fill('151,67');
    await line.getByLabel('Salaire brut (€)').fill(i === 0 ? '2 450,00' : '2000');
  }
  const first = page.getByRole('group', { name: who.workers[0]! });
  await expect(first.getByText(/497,35/)).toBeVisible(); // 2 450,00 € × 20,30 %
  const expectedTotal = 49735 + (who.workers.length - 1) * 40600;
  const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
  await expect(page.getByTestId('total-cotisation')).toHaveText(euros(expectedTotal));
  await expect(page.getByText(/^Brouillon enregistré à \d\d:\d\d$/)).toBeVisible();

  // Leaving and coming back loses nothing: the draft holds what was typed.
  await page.reload();
  await expect(first.getByLabel('Salaire brut (€)')).toHaveValue('2 450,00');
  await expect(page.getByText(/^Brouillon enregistré à \d\d:\d\d$/)).toBeVisible();

  // Send: the server's totals, then the confirmation.
  await page.getByRole('button', { name: 'Envoyer la déclaration' }).click();
  await expect(page.getByRole('heading', { name: 'Confirmer l’envoi' })).toBeVisible();
  await expect(page.getByText('L’envoi est définitif')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Confirmer l’envoi' }).click();
  await expect(page).toHaveURL(new RegExp(`/espace/declarations/${month.key}\\?envoyee=DEC-\\d{4}-\\d{6}$`));
  const number = decodeURIComponent(new URL(page.url()).searchParams.get('envoyee')!);
  await expect(page.getByRole('status').filter({ hasText: `Déclaration ${number} envoyée.` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Déclaration envoyée' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The receipt, listed on the month and downloadable.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: `Télécharger l’accusé de réception ${number} (PDF)` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`accuse-reception-${month.key}-${number}.pdf`);
  const text = (await readPdfText(fs.readFileSync((await download.path())!))).replace(/\s+/g, ' ');
  expect(text).toContain('Accusé de réception');
  expect(text).toContain(number);
  expect(text).toContain(month.label);
  expect(text).toContain(`${who.workers.length}`);
  expect(text).toContain(month.dueLong);

  // The months list shows it declared; nobody else gets the receipt.
  await page.goto('/espace/declarations');
  const row = page.getByRole('listitem').filter({ hasText: number });
  await expect(row).toContainText('Déclarée');
  await expect(row.getByRole('link', { name: `Accusé de réception ${number} (PDF)` })).toBeVisible();
  const href = await page.getByRole('link', { name: `Voir ${month.label}` }).getAttribute('href');
  expect(href).toBe(`/espace/declarations/${month.key}`);
  await page.goto(href!);
  const receiptHref = (await page.getByRole('link', { name: /Télécharger l’accusé de réception/ }).getAttribute('href'))!;
  expect((await page.request.get(receiptHref)).status()).toBe(200);
  // « Mes documents » lists it too, downloadable.
  await page.goto('/espace/documents');
  const title = `Accusé de réception – ${month.label} – ${number}`;
  await expect(page.getByText(title, { exact: true })).toBeVisible();
  const fromDocuments = page.waitForEvent('download');
  await page.getByRole('link', { name: `Télécharger « ${title} »` }).click();
  expect((await readPdfText(fs.readFileSync((await (await fromDocuments).path())!))).replace(/\s+/g, ' ')).toContain(number);
  // The relevé de compte shows the month's contribution, due 45 days after the month.
  await page.goto('/espace/paiements');
  const isPhone = test.info().project.name === 'phone';
  const declared = page.getByRole(isPhone ? 'listitem' : 'row').filter({ hasText: new RegExp(escapeRegExp(month.label), 'i') }).first();
  await expect(declared).toContainText(euros(expectedTotal));
  await expect(declared).toContainText(month.dueShort);
  // The other demo company's administrator: not found.
  const otherCompany = companies[test.info().project.name === 'phone' ? 'desktop' : 'phone'];
  const context = await page.context().browser()!.newContext();
  const other = await context.newPage();
  await signIn(other, otherCompany.email, otherCompany.password);
  await expect(other).toHaveURL(/\/espace$/);
  expect((await other.request.get(receiptHref)).status()).toBe(404);
  await context.close();
});

test('correct the sent month without JavaScript: a corrective declaration, its delta, its own receipt', async ({ browser, page: withJs }) => {
  const who = companies[test.info().project.name === 'phone' ? 'phone' : 'desktop'];
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: test.info().project.use.viewport ?? undefined });
  const page = await context.newPage();
  await signIn(page, who.email, who.password);
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto(`/espace/declarations/${month.key}`);
  await page.getByRole('link', { name: 'Déclaration rectificative' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Déclaration rectificative' })).toBeVisible();
  // Pre-filled with the lines in force.
  const first = page.getByRole('group', { name: who.workers[0]! });
  await expect(first.getByLabel('Salaire brut (€)')).toHaveValue('2 450,00');
  await first.getByLabel('Salaire brut (€)').fill('2 550,00');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/^Brouillon enregistré à \d\d:\d\d$/)).toBeVisible();
  await expect(first.getByLabel('Salaire brut (€)')).toHaveValue('2 550,00');

  await page.getByRole('button', { name: 'Envoyer la déclaration rectificative' }).click();
  await expect(page.getByRole('heading', { name: 'Confirmer l’envoi' })).toBeVisible();
  await expect(page.getByText(/\+20,30\s€ : montant dû en hausse/).first()).toBeVisible(); // 100 € × 20,30 %
  await page.getByRole('button', { name: 'Confirmer l’envoi' }).click();
  await expect(page).toHaveURL(/\?envoyee=DEC-\d{4}-\d{6}$/);
  await expect(page.getByRole('heading', { name: 'Déclaration rectificative en vigueur' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Historique du mois' })).toBeVisible();
  await expect(page.getByText(/Rectificative DEC-\d{4}-\d{6}.*\+20,30\s€ : montant dû en hausse/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Télécharger l’accusé de réception/ })).toHaveCount(3); // in force + the two in the history
  await context.close();
  // axe needs JavaScript: the same page, with it.
  await signIn(withJs, who.email, who.password);
  await expect(withJs).toHaveURL(/\/espace$/);
  await withJs.goto(`/espace/declarations/${month.key}`);
  await expect(withJs.getByRole('heading', { name: 'Historique du mois' })).toBeVisible();
  await expectNoAxeViolations(withJs);
  await expectNoHorizontalScroll(withJs);
});
