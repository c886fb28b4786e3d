import { expect, test } from '@playwright/test';
import { createAccount } from '../fixtures/accounts';
import { expectNoAxeViolations } from '../fixtures/axe';

test('beyond 10 failures the account is refused with a clear delay, the same for an unknown address', async ({ page, request }, testInfo) => {
  // A client address of its own, so this test's failures do not count against the other tests' IP.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${testInfo.project.name === 'phone' ? 21 : 11}` });
  const account = await createAccount(request);
  const attempt = async (email: string, password: string) => {
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // React resets the form once the action has answered: only then is the next attempt typed.
    await expect(page.getByRole('button', { name: 'Se connecter' })).toBeEnabled();
    await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveValue('');
  };

  await page.goto('/connexion');
  for (const email of [account.email, `inconnu-${account.id.slice(0, 8)}@exemple.test`]) {
    for (let i = 0; i < 10; i++) await attempt(email, `mauvais-${i}`);
    await expect(page.getByText('Adresse électronique ou mot de passe incorrect.')).toBeVisible();
    await attempt(email, account.password);
    await expect(page.getByText(/^Trop de tentatives de connexion avec cette adresse\. Par sécurité, réessayez dans 1[45] minutes/)).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await expect(page).toHaveURL(/\/connexion$/);
});
