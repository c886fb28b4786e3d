import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';

const guides = '/services-en-ligne/informations-pratiques';

test('Nos sites: the six sites, the 18 departments from the database, and Alsace-Moselle', async ({ page }) => {
  await page.goto('/nos-sites');
  const sites = page.getByRole('region', { name: 'Les 6 sites' }).getByRole('heading', { level: 3 });
  await expect(sites).toHaveText(['Mâcon', 'Metz', 'Mulhouse', 'Nancy', 'Reims', 'Strasbourg']);

  const table = page.getByRole('table');
  await expect(table.locator('tbody tr')).toHaveCount(18);
  const basRhin = table.getByRole('row', { name: /Bas-Rhin \(67\)/ });
  await expect(basRhin.getByRole('cell')).toHaveText(['Strasbourg', 'Oui']);
  await expect(table.getByRole('row', { name: /Meurthe-et-Moselle \(54\)/ }).getByRole('cell')).toHaveText(['Nancy', 'Non']);
  await expect(table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Oui', exact: true }) })).toHaveCount(3);

  const localLaw = page.getByRole('region', { name: 'Le droit local d’Alsace-Moselle' });
  await expect(localLaw).toContainText('Moselle (57), Bas-Rhin (67), Haut-Rhin (68)');
  await expect(localLaw).toContainText('Vendredi saint');
  await expect(localLaw).toContainText('26 décembre');
});

for (const javaScriptEnabled of [false, true]) {
  test.describe(`find your site by department (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    test.use({ javaScriptEnabled });

    test('choosing Bas-Rhin answers Strasbourg, under Alsace-Moselle law', async ({ page }) => {
      await page.goto('/nos-sites');
      await page.getByLabel('Votre département').selectOption('67');
      await page.getByRole('button', { name: 'Trouver mon site' }).click();
      await expect(page).toHaveURL(/\/nos-sites\?departement=67$/);
      const answer = page.getByRole('status');
      await expect(answer.getByRole('heading')).toHaveText('Bas-Rhin (67) : site de Strasbourg');
      await expect(answer).toContainText('9 quai Kléber');
      await expect(answer.getByRole('link', { name: 'droit local d’Alsace-Moselle' })).toBeVisible();
      await expect(page.getByLabel('Votre département')).toHaveValue('67');
      // axe runs as a script in the page: only possible with JavaScript on.
      if (javaScriptEnabled) await expectNoAxeViolations(page);
    });
  });
}

test('Nos sites: a department outside the circonscription gets a plain answer', async ({ page }) => {
  await page.goto('/nos-sites?departement=75');
  await expect(page.getByRole('status')).toContainText('ne fait pas partie de notre circonscription');
});

test('first-connection guide follows the flyer, step by step', async ({ page }) => {
  await page.goto(`${guides}/premiere-connexion`);
  const steps = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(steps.first()).toHaveText('Étape 1 : Munissez-vous des deux courriers');
  const main = page.getByRole('main');
  for (const words of [
    'Munissez-vous des deux courriers',
    'numéro SIRET',
    'identifiant',
    'code confidentiel',
    'adresse de courriel qui vous servira dorénavant d’identifiant',
    'nouveau mot de passe',
    'lien qui vous sera envoyé par courriel',
    'Première connexion à cet espace ?',
  ]) {
    await expect(main).toContainText(words);
  }
  await page.getByRole('link', { name: 'Je crée mon espace sécurisé' }).click();
  await expect(page).toHaveURL(/\/premiere-connexion$/);
});

test('delegation guide names the menu, the entry and the button of the flyer', async ({ page }) => {
  await page.goto(`${guides}/deleguer-cabinet-comptable`);
  const main = page.getByRole('main');
  await expect(main).toContainText('« Gérer mon compte utilisateur et les droits d’accès »');
  await expect(main).toContainText('« Gérer les droits d’accès »');
  await expect(main).toContainText('Déléguez à mon cabinet comptable');
});

test('leave guide shows the next registration deadline read from the key dates', async ({ page }) => {
  await page.goto('/');
  const homeDeadline = page
    .getByRole('region', { name: 'Dates à retenir' })
    .getByRole('listitem')
    .filter({ hasText: 'Date limite d’enregistrement de dates de congés' })
    .first()
    .locator('time');
  const day = await homeDeadline.getAttribute('datetime');
  expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await page.goto(`${guides}/enregistrer-conges`);
  const deadline = page.getByRole('region', { name: 'Date limite d’enregistrement' });
  await expect(deadline.locator('time')).toHaveAttribute('datetime', day!);
  await expect(deadline).toContainText('Prochaine date limite d’enregistrement de dates de congés');
  await expect(page.getByRole('main')).toContainText('versée directement au salarié');
});

test('attestation guide explains the QR code and links to the verifier', async ({ page }) => {
  await page.goto(`${guides}/attestation-mise-a-jour`);
  await expect(page.getByRole('main')).toContainText('QR code');
  await expect(page.getByRole('main').getByRole('link', { name: 'Vérifier une attestation' })).toHaveAttribute('href', '/verifier');
});

test('FAQ: each answer opens, and « Qui appeler ? » leads to Nos sites', async ({ page }) => {
  await page.goto('/services-en-ligne/informations-pratiques#faq');
  const faq = page.locator('#faq');
  await expect(faq.getByRole('heading', { level: 2 })).toHaveText('Questions fréquentes');
  const questions = faq.locator('summary');
  await expect(questions).toContainText([
    'J’ai perdu un des deux courriers, ou je ne les ai pas reçus',
    'Mon code confidentiel a expiré ou il est bloqué',
    'J’ai oublié mon mot de passe',
    'La personne qui gérait l’espace a quitté l’entreprise',
    'Qui appeler ?',
  ]);

  const who = faq.locator('details', { hasText: 'Qui appeler ?' });
  await expect(who.getByRole('link', { name: 'Nos sites' })).toBeHidden();
  await who.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(who.getByRole('link', { name: 'Nos sites' })).toBeVisible();
  await expectNoAxeViolations(page);
  await who.getByRole('link', { name: 'Nos sites' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nos sites');
});

test('Mentions légales: publisher and host from the database, personal data and the session cookie', async ({ page }) => {
  await page.goto('/mentions-legales');
  const main = page.getByRole('main');
  await expect(main).toContainText('Caisse de congés payés du bâtiment et des travaux publics du Grand Est');
  await expect(main).toContainText('SIRET : 775 671 543 00012');
  await expect(main).toContainText('Hébergeur à renseigner lors de la mise en production');
  await expect(main.getByRole('heading', { name: 'Données personnelles' })).toBeVisible();
  await expect(main.getByRole('link', { name: 'dpo@cibtp-grandest.test' })).toHaveAttribute('href', 'mailto:dpo@cibtp-grandest.test');
  await expect(main).toContainText('cookie de session');
});

test('Accessibilité: the RGAA statement, its state, what was tested and the means of redress', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Accessibilité : partiellement conforme' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2 })).toContainText([
    'État de conformité',
    'Résultats des tests',
    'Contenus non accessibles',
    'Établissement de cette déclaration',
    'Retour d’information et contact',
    'Voies de recours',
  ]);
  await expect(main).toContainText('partiellement conforme');
  await expect(main).toContainText('axe');
  await expect(main).toContainText('360 pixels');
  await expect(main).toContainText('Défenseur des droits');
  await expect(main.getByRole('link', { name: 'contact@cibtp-grandest.test' })).toBeVisible();
});
