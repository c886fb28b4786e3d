import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { signIn } from '../fixtures/accounts';

// The Strasbourg demo company's administrator manages « Salariés »: adds one, records an exit, imports a
// small file. Names differ per project (desktop, phone) because both runs share one database.

/** Mobile first: nothing wider than the screen (the table is hidden on phones, cards instead). */
async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test('a company administrator adds a worker, records their exit and imports a CSV file with a row-by-row report', async ({ page }) => {
  const who = test.info().project.name === 'phone' ? 'Mobile' : 'Bureau';
  await signIn(page, 'gerant@renovation-rhenane.test', 'Demo-Rhenane-2026!');
  await expect(page).toHaveURL(/\/espace$/);

  await page.goto('/espace/salaries');
  await expect(page.getByRole('heading', { level: 1, name: 'Salariés' })).toBeVisible();
  await expect(page.getByText('Schmitt Marc').filter({ visible: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // Add: an error at the field first, then the corrected form.
  await page.getByRole('link', { name: 'Ajouter un salarié' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ajouter un salarié' })).toBeVisible();
  await page.getByLabel('Nom', { exact: true }).fill(`Essai${who}`);
  await page.getByLabel('Prénom').fill('Camille');
  await page.getByLabel('Date de naissance').fill('12/05/1995');
  await page.getByRole('radio', { name: 'ETAM' }).check();
  await page.getByLabel('Date d’embauche').fill('01/01/2005');
  await page.getByLabel('Horaire hebdomadaire contractuel (heures)').fill('60');
  await page.getByRole('button', { name: 'Ajouter le salarié' }).click();
  await expect(page.getByText('Vérifiez les informations signalées.')).toBeVisible();
  await expect(page.getByText('La date d’embauche doit suivre les 14 ans du salarié (au plus tôt le 12/05/2009).')).toBeVisible();
  await expect(page.getByLabel('Date d’embauche')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await page.getByLabel('Date d’embauche').fill('01/09/2020');
  await page.getByLabel('Horaire hebdomadaire contractuel (heures)').fill('35,5');
  await page.getByRole('button', { name: 'Ajouter le salarié' }).click();
  await expect(page.getByText('Salarié ajouté.')).toBeVisible();
  await expect(page.getByText(`Essai${who} Camille`).filter({ visible: true })).toBeVisible();

  // Search, then record the exit.
  await page.getByLabel('Rechercher un nom').fill(`essai${who}`);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByRole('heading', { name: /En poste · « essai.+ » : 1 salarié$/ })).toBeVisible();
  await page.getByRole('link', { name: `Modifier Camille Essai${who}` }).filter({ visible: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Camille Essai${who}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole('textbox', { name: 'Date de sortie' }).first().fill('31/10/2026');
  await page.getByRole('button', { name: 'Enregistrer la sortie' }).click();
  await expect(page.getByText('Sortie enregistrée.')).toBeVisible();
  await expect(page.getByText(`Essai${who} Camille`)).toHaveCount(0); // « En poste » by default
  await page.getByRole('radio', { name: /^Sortis/ }).check();
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText('Sorti le 31/10/2026').filter({ visible: true }).first()).toBeVisible();

  // Import: one good row, one with two errors.
  await page.goto('/espace/salaries');
  await page.getByRole('link', { name: 'Importer un fichier CSV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer des salariés' })).toBeVisible();
  await expectNoAxeViolations(page);
  const csv = `\ufeffnom;prenom;date_naissance;categorie;date_embauche;horaire_hebdo\r\nImport${who};Lina;03/02/1990;ouvrier;2019-04-01;35\r\nRefus${who};Noé;31/02/1990;apprenti;01/04/2019;35\r\n`;
  await page.getByLabel('Fichier CSV des salariés').setInputFiles({ name: 'salaries.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByText('1 salarié importé, 1 ligne refusée : corrigez-les dans votre fichier et importez seulement ces lignes.')).toBeVisible();
  await expect(page.getByText(`Ligne 3 : Noé Refus${who}`)).toBeVisible();
  await expect(page.getByText('date de naissance : Date invalide : écrivez-la JJ/MM/AAAA (exemple : 14/03/1988).')).toBeVisible();
  await expect(page.getByText('catégorie : Catégorie inconnue : ouvrier, ETAM ou cadre.')).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole('link', { name: 'Salariés' }).click();
  await expect(page.getByText(`Import${who} Lina`).filter({ visible: true })).toBeVisible();
  await expect(page.getByText(`Refus${who} Noé`)).toHaveCount(0);
});

test('the model file downloads and another company’s worker is not found', async ({ page }) => {
  await signIn(page, 'bureau@charpentes-champenoises.test', 'Demo-Champagne-2026!');
  await expect(page).toHaveURL(/\/espace$/);
  const model = await page.request.get('/espace/salaries/importer/modele');
  expect(model.status()).toBe(200);
  expect(model.headers()['content-type']).toContain('text/csv');
  expect(await model.text()).toContain('nom;prenom;date_naissance;categorie;date_embauche;horaire_hebdo;date_sortie');

  // A Reims worker's page, then the same id asked by the Strasbourg administrator.
  await page.goto('/espace/salaries');
  const href = await page.getByRole('link', { name: /^Modifier / }).first().getAttribute('href');
  expect(href).toMatch(/^\/espace\/salaries\/[0-9a-f-]{36}$/);
  await page.context().clearCookies();
  await signIn(page, 'gerant@renovation-rhenane.test', 'Demo-Rhenane-2026!');
  await expect(page).toHaveURL(/\/espace$/);
  const response = await page.goto(href!);
  expect(response?.status()).toBe(404);
});
