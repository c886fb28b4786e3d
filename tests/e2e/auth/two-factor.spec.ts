import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { createAccount, signIn } from '../fixtures/accounts';
import { expectNoAxeViolations } from '../fixtures/axe';

/** The code an authenticator app would show, `offsetSeconds` from now. */
function codeFor(secret: string, offsetSeconds = 0) {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

async function enrolFromPage(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Activer la double authentification' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code à scanner avec votre application d’authentification' })).toBeVisible();
  const secret = (await page.locator('#cle-manuelle').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAxeViolations(page);

  await page.getByLabel('Code de vérification').fill('000000');
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByText(/Ce code ne correspond pas/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Code de vérification').fill(await codeFor(secret));
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByText('La double authentification est activée.')).toBeVisible();
  const codes = await page.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem').allInnerTexts();
  expect(codes).toHaveLength(10);
  await expectNoAxeViolations(page);
  return { secret, codes };
}

test('2FA: enrol with the manual key, then sign in with a code, and with a recovery code once', async ({ page, request }) => {
  const account = await createAccount(request);
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto('/espace/compte');
  await page.getByRole('link', { name: 'Activer la double authentification' }).click();
  const { secret, codes } = await enrolFromPage(page);
  await page.getByRole('link', { name: 'J’ai noté mes codes : continuer vers mon espace' }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();

  // Password alone opens nothing: the space sends back to the second step.
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/connexion\/verification$/);
  await expectNoAxeViolations(page);
  await page.goto('/espace/compte');
  await expect(page).toHaveURL(/\/connexion\/verification$/);

  await page.getByLabel('Code de vérification').fill('123 456');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByText(/Ce code n’est pas valable/)).toBeVisible();
  await expectNoAxeViolations(page);
  // The next period's code: the one used at enrolment cannot be replayed.
  await page.getByLabel('Code de vérification').fill(await codeFor(secret, 30));
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto('/espace/compte');
  await expect(page.getByRole('region', { name: 'Double authentification' }).getByText('Activée')).toBeVisible();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();

  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/connexion\/verification$/);
  await page.getByLabel('Code de vérification').fill(codes[0]!);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page).toHaveURL(/\/espace\?codes-de-secours=9$/);
  await expect(page.getByText('Vous vous êtes connecté avec un code de secours. Il vous en reste 9.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();

  await signIn(page, account.email, account.password);
  await page.getByLabel('Code de vérification').fill(codes[0]!);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByText(/Ce code n’est pas valable/)).toBeVisible();
  await page.getByRole('button', { name: 'Annuler et se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion$/);
});

test('a caisse staff account without 2FA is sent to enrol before anything else', async ({ page, request }) => {
  const staff = await createAccount(request, { isCaisseStaff: true });
  await signIn(page, staff.email, staff.password);
  await expect(page).toHaveURL(/\/espace\/compte\/double-authentification$/);
  await expect(page.getByText('Les comptes de la caisse doivent utiliser la double authentification')).toBeVisible();
  await page.goto('/espace/compte');
  await expect(page).toHaveURL(/\/espace\/compte\/double-authentification$/);
  await enrolFromPage(page);
  await page.goto('/espace/compte');
  await expect(page.getByText('Obligatoire pour les comptes de la caisse')).toBeVisible();
});
