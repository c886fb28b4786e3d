import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';

test('the demo Strasbourg manager signs in, sees the dashboard, signs out; a wrong password gets a neutral message', async ({ page }) => {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill('gerant@renovation-rhenane.test');
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('Adresse électronique ou mot de passe incorrect.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Mot de passe').fill('Demo-Rhenane-2026!');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole('heading', { name: 'Rénovation Rhénane Démo SAS' })).toBeVisible();
  await expect(page.getByText('923 456 784 00019')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await page.goto('/espace');
  await expect(page).toHaveURL(/\/connexion$/);
});
