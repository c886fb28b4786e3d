import { expect, test } from '@playwright/test';
import { createAccount, linkIn, readMail, signIn } from '../fixtures/accounts';
import { expectNoAxeViolations } from '../fixtures/axe';

test('email change: password asked, confirmation link to the new address, notice to the old, then the new login works', async ({ page, request }) => {
  const account = await createAccount(request);
  const newEmail = `nouvelle-${account.id.slice(0, 8)}@exemple.test`;
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto('/espace/compte');

  const form = page.getByRole('region', { name: 'Adresse électronique' });
  await form.getByLabel('Nouvelle adresse électronique').fill(newEmail);
  await form.getByLabel('Mot de passe actuel').fill('pas le bon');
  await form.getByRole('button', { name: 'Changer d’adresse' }).click();
  await expect(form.getByText('Ce n’est pas votre mot de passe actuel.')).toBeVisible();
  await form.getByLabel('Mot de passe actuel').fill(account.password);
  await form.getByRole('button', { name: 'Changer d’adresse' }).click();
  await expect(form.getByText(`Un lien de confirmation a été envoyé à ${newEmail}`)).toBeVisible();
  await expectNoAxeViolations(page);

  const notice = await readMail(request, account.email, 'email-change-notice');
  expect(notice.subject).toBe('Demande de changement de votre adresse de connexion');
  const confirm = await readMail(request, newEmail, 'email-change-confirm');
  const link = linkIn(confirm, '/changement-adresse');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirmer ma nouvelle adresse' })).toBeVisible();
  await expect(page.getByText(newEmail)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Confirmer ma nouvelle adresse' }).click();
  await expect(page).toHaveURL(/\/connexion\?etat=adresse-modifiee$/);
  await expect(page.getByText('Votre nouvelle adresse électronique est confirmée')).toBeVisible();
  await expectNoAxeViolations(page);

  await signIn(page, newEmail, account.password);
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto(link);
  await expect(page.getByText('Ce lien a déjà servi.')).toBeVisible();
  await expectNoAxeViolations(page);
});
