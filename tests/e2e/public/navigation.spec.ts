import { expect, test } from '@playwright/test';

test('keyboard only: skip link, then the « Entreprise / Tiers-déclarant » menu to « Espace sécurisé entreprise »', async ({ page }) => {
  await page.goto('/services-en-ligne');

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  const menu = page.getByRole('button', { name: 'Entreprise / Tiers-déclarant' });
  for (let i = 0; i < 6 && !(await menu.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(menu).toBeFocused();
  // The focus ring is drawn (globals.css :focus-visible), not left to the browser's default or removed.
  expect(await menu.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  const entries = page.locator(`#${await menu.getAttribute('aria-controls')}`).getByRole('link');
  await expect(entries.first()).toHaveText('Espace sécurisé entreprise');
  await expect(entries).toContainText(['Espace sécurisé entreprise', 'Informations pratiques', 'Nos sites']);

  // Escape closes the menu and gives the focus back to its button.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/connexion$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion à l’Espace sécurisé');
});

test('Services en ligne > Informations pratiques: the hub, the breadcrumb and every guide', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Informations pratiques' }).click();
  await expect(page).toHaveURL(/\/services-en-ligne\/informations-pratiques$/);
  const crumbs = page.getByRole('navigation', { name: 'Fil d’Ariane' });
  if (testInfo.project.name === 'phone') {
    // Only the way up, to keep the first screen for the content.
    await expect(crumbs.getByRole('link')).toHaveCount(1);
    await expect(crumbs.getByRole('link')).toHaveAccessibleName('Services en ligne');
  } else {
    await expect(crumbs.getByRole('link')).toHaveCount(2);
    await expect(crumbs.getByRole('link').first()).toHaveAccessibleName('Accueil');
    await expect(crumbs.getByRole('link').last()).toHaveAccessibleName('Services en ligne');
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Informations pratiques');
  }
  await expect(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Informations pratiques' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  await crumbs.getByRole('link', { name: 'Services en ligne' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Services en ligne');
  await page.getByRole('main').getByRole('link', { name: 'Informations pratiques' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Informations pratiques');

  const guideLinks = page.getByRole('region', { name: 'Guides d’utilisation' }).getByRole('link');
  await expect(guideLinks).toHaveText([
    'Première connexion : créer votre Espace sécurisé',
    'Déléguer à votre cabinet comptable',
    'Enregistrer les congés de vos salariés',
    'Télécharger et faire vérifier une attestation de mise à jour',
  ]);
  await guideLinks.nth(1).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déléguer à votre cabinet comptable');
});
