import { expect, test } from '@playwright/test';
import { createAccount, linkIn, readMail, signIn } from '../fixtures/accounts';
import { expectNoAxeViolations } from '../fixtures/axe';

const neutral = 'Si un compte correspond à cette adresse, un courriel vient de lui être envoyé';

test('« Mot de passe oublié ? »: same answer for an unknown address, link by email, new password, all sessions closed', async ({ page, request, browser }) => {
  const account = await createAccount(request);

  // A session opened elsewhere before the reset.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, account.email, account.password);
  await expect(otherPage).toHaveURL(/\/espace$/);

  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(page).toHaveURL(/\/mot-de-passe-oublie$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié ?' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Adresse électronique').fill('personne.inconnue@exemple.test');
  await page.getByRole('button', { name: 'Recevoir le lien' }).click();
  await expect(page.getByText(neutral)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Adresse électronique').fill(account.email);
  await page.getByRole('button', { name: 'Recevoir le lien' }).click();
  await expect(page.getByText(neutral)).toBeVisible();

  const mail = await readMail(request, account.email, 'password-reset');
  expect(mail.subject).toBe('Réinitialisation de votre mot de passe');
  const link = linkIn(mail, '/mot-de-passe-oublie/nouveau');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('azertyuiop123');
  await page.getByLabel('Confirmation du mot de passe').fill('azertyuiop123');
  await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
  await expect(page.getByText(/Ce mot de passe est trop facile à deviner/)).toBeVisible();
  await expectNoAxeViolations(page);

  const newPassword = 'girafe parapluie escalier bleu';
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirmation du mot de passe').fill(newPassword);
  await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
  await expect(page).toHaveURL(/\/connexion\?etat=mot-de-passe-modifie$/);
  await expect(page.getByText('Votre mot de passe a été modifié et toutes vos sessions ont été fermées.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The session opened before the reset is over.
  await otherPage.goto('/espace');
  await expect(otherPage).toHaveURL(/\/connexion$/);
  await other.close();

  await signIn(page, account.email, account.password);
  await expect(page.getByText('Adresse électronique ou mot de passe incorrect.')).toBeVisible();
  await page.getByLabel('Mot de passe', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/espace$/);

  // The link served once.
  await page.goto(link);
  await expect(page.getByText('Ce lien a déjà servi.')).toBeVisible();
  await expectNoAxeViolations(page);
});
