import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';

test('home shows the promises, the key dates, and leads to the login page and its blue banner', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Dates à retenir' })).toBeVisible();
  await expect(page.getByText('Date limite d’enregistrement de dates de congés').first()).toBeVisible();
  await expect(page.getByText('Téléchargement rapide d’attestations de mise à jour authentifiables')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Services en ligne' }).first().click();
  await expect(page).toHaveURL(/\/connexion$/);
  const banner = page.getByRole('link', { name: /Première connexion à cet espace \?\s*Je crée mon espace sécurisé/ });
  await expect(banner).toBeVisible();
  await expectNoAxeViolations(page);
  await banner.click();
  await expect(page).toHaveURL(/\/premiere-connexion/);
});

test('the « Entreprise / Tiers-déclarant » menu opens by keyboard and leads to « Espace sécurisé entreprise »', async ({ page }) => {
  await page.goto('/');
  const menu = page.getByRole('button', { name: 'Entreprise / Tiers-déclarant' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Espace sécurisé entreprise' }).click();
  await expect(page).toHaveURL(/\/connexion$/);
});

test('the dev mailbox lists the first-start test email, rendered with a clickable link', async ({ page }) => {
  await page.goto('/dev/mailbox');
  await expect(page.getByRole('heading', { name: 'Boîte de réception de développement' })).toBeVisible();
  await page.getByRole('link', { name: /Message de test de l’Espace sécurisé/ }).first().click();
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('link', { name: 'Se connecter à l’Espace sécurisé' })).toBeVisible();
  await expectNoAxeViolations(page);
});
