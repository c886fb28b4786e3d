import { expect, test } from '@playwright/test';
import { createAccount, signIn } from '../fixtures/accounts';
import { expectNoAxeViolations } from '../fixtures/axe';

test('password change on « Mon compte » closes the other sessions at once; this one goes on', async ({ page, request, browser }) => {
  const account = await createAccount(request);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, account.email, account.password);
  await expect(otherPage).toHaveURL(/\/espace$/);

  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/espace$/);
  // Over http (APP_URL of the test server) the cookie is not Secure; tests/integration/auth-cookies covers https.
  const cookie = (await page.context().cookies()).find((c) => c.name === 'authjs.session-token');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
  await page.getByRole('link', { name: 'Gérer mon compte utilisateur et les droits d’accès' }).click();
  await expect(page).toHaveURL(/\/espace\/compte$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Gérer mon compte utilisateur et les droits d’accès' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mon compte' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Gérer les droits d’accès' })).toBeVisible();
  await expect(page.getByText(account.email, { exact: true })).toBeVisible();
  const history = page.getByRole('region', { name: 'Historique de connexion' });
  await expect(history.getByText('Connexion — réussie').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sessions ouvertes' }).getByText('1 autre session ouverte.')).toBeVisible();
  await expectNoAxeViolations(page);

  const form = page.getByRole('region', { name: 'Mot de passe' });
  await form.getByLabel('Mot de passe actuel').fill('pas le bon');
  await form.getByLabel('Nouveau mot de passe', { exact: true }).fill('agrafeuse tournevis marmotte');
  await form.getByLabel('Confirmation du nouveau mot de passe').fill('agrafeuse tournevis marmotte');
  await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(form.getByText('Ce n’est pas votre mot de passe actuel.')).toBeVisible();
  await expectNoAxeViolations(page);

  await form.getByLabel('Mot de passe actuel').fill(account.password);
  await form.getByLabel('Nouveau mot de passe', { exact: true }).fill('agrafeuse tournevis marmotte');
  await form.getByLabel('Confirmation du nouveau mot de passe').fill('agrafeuse tournevis marmotte');
  await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(form.getByText('Votre mot de passe est modifié. Votre autre session a été fermée.')).toBeVisible();

  // The other browser's cookie is still there, but its session row is revoked.
  await otherPage.goto('/espace/compte');
  await expect(otherPage).toHaveURL(/\/connexion$/);
  await other.close();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Gérer mon compte utilisateur et les droits d’accès' })).toBeVisible();
  await expect(history.getByText('Changement du mot de passe — réussie')).toBeVisible();
  await expect(history.getByText('Changement du mot de passe — échec')).toBeVisible();
});

test('« Déconnecter mes autres sessions », then logout: both take effect at once', async ({ page, request, browser }) => {
  const account = await createAccount(request);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, account.email, account.password);
  await expect(otherPage).toHaveURL(/\/espace$/);

  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto('/espace/compte');
  await page.getByRole('button', { name: 'Déconnecter mes autres sessions' }).click();
  await expect(page.getByText('1 autre session fermée.')).toBeVisible();
  await expect(page.getByText('Aucune autre session ouverte.')).toBeVisible();
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/connexion$/);
  await other.close();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await page.goto('/espace/compte');
  await expect(page).toHaveURL(/\/connexion$/);
});

test('signing in again replaces this browser’s session: the previous cookie no longer opens anything', async ({ page, request, browser }) => {
  const account = await createAccount(request);
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/espace$/);
  const first = (await page.context().cookies()).find((c) => c.name === 'authjs.session-token')!;
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/espace$/);
  const second = (await page.context().cookies()).find((c) => c.name === 'authjs.session-token')!;
  expect(second.value).not.toBe(first.value);

  // Someone who copied the first cookie gets nothing.
  const copy = await browser.newContext();
  await copy.addCookies([first]);
  const copyPage = await copy.newPage();
  await copyPage.goto('/espace');
  await expect(copyPage).toHaveURL(/\/connexion$/);
  await copy.close();
  await page.reload();
  await expect(page).toHaveURL(/\/espace$/);
});
