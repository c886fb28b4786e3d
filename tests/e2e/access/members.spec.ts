import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';

// Long journeys with two people and emails, on a shared 2-core machine: more than the default minute.
test.describe.configure({ timeout: 180_000 });

// The Strasbourg administrator invites a collaborator with one right; the collaborator joins from the
// emailed link (single use), sees only that area; the last administrator cannot demote himself.

type Mail = { subject: string; text: string; createdAt: string };

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/espace$/);
}

test('an administrator invites a collaborator who joins from the emailed link with exactly the rights given', async ({ page, browser, baseURL }, testInfo) => {
  const invitee = `collab-${testInfo.project.name}-${Date.now()}@renovation-rhenane.test`;
  // each project (desktop, phone) runs against the same server: a name of its own
  const lastName = testInfo.project.name === 'phone' ? 'Mobile' : 'Bureau';
  await signIn(page, 'gerant@renovation-rhenane.test', 'Demo-Rhenane-2026!');
  await page.goto('/espace/compte/droits');
  await page.getByRole('link', { name: 'Inviter un collaborateur' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inviter un collaborateur' })).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.getByText('Indiquez l’adresse électronique.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Adresse électronique').fill(invitee);
  await page.getByLabel('Prénom').fill('Inès');
  await page.getByRole('group', { name: 'Congés' }).getByLabel('Consultation').check();
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.getByText('Invitation envoyée.')).toBeVisible();
  await expect(page.getByText(invitee)).toBeVisible();
  await expectNoAxeViolations(page);

  let mail: Mail | undefined;
  await expect
    .poll(async () => {
      const list = (await (await page.request.get(`/dev/mailbox/api?to=${encodeURIComponent(invitee)}`)).json()) as Mail[];
      mail = list[0];
      return Boolean(mail);
    })
    .toBe(true);
  expect(mail!.subject).toBe('Invitation à l’Espace sécurisé de Rénovation Rhénane Démo SAS');
  const link = /https?:\/\/[^\s"<>]+\/invitation\/[A-Za-z0-9_-]+/.exec(mail!.text)![0];

  const other = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: page.viewportSize() ?? undefined });
  const guest = await other.newPage();
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByRole('heading', { level: 1, name: 'Rejoindre l’Espace sécurisé de Rénovation Rhénane Démo SAS' })).toBeVisible();
  await expect(guest.getByText('Congés : consultation')).toBeVisible();
  await expectNoAxeViolations(guest);
  await guest.getByLabel('Prénom').fill('Inès');
  await guest.getByLabel('Nom', { exact: true }).fill(lastName);
  await guest.getByLabel('Mot de passe', { exact: true }).fill('court');
  await guest.getByLabel('Confirmation du mot de passe').fill('court');
  await guest.getByRole('button', { name: 'Créer mon accès et rejoindre l’espace' }).click();
  await expect(guest.getByText('Le mot de passe doit comporter au moins 12 caractères.').first()).toBeVisible();
  await expectNoAxeViolations(guest);
  await guest.getByLabel('Mot de passe', { exact: true }).fill('Tuiles-Vosgiennes-Rouges-88');
  await guest.getByLabel('Confirmation du mot de passe').fill('Tuiles-Vosgiennes-Rouges-88');
  await guest.getByRole('button', { name: 'Créer mon accès et rejoindre l’espace' }).click();
  await expect(guest).toHaveURL(/\/espace$/);
  await expect(guest.getByRole('heading', { level: 1, name: 'Rénovation Rhénane Démo SAS' })).toBeVisible();
  const cards = guest.getByRole('region', { name: 'Vos démarches' }).getByRole('heading', { level: 3 });
  await expect(cards).toHaveText(['Congés']);
  await expect(guest.getByText('Vos droits : consultation')).toBeVisible();
  await expect(guest.getByRole('link', { name: 'Gérer les droits d’accès' })).toHaveCount(0);
  await expectNoAxeViolations(guest);
  // a collaborator does not manage rights: the page does not exist for them
  const res = await guest.goto('/espace/compte/droits');
  expect(res?.status()).toBe(404);
  await expect(guest.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  // the link served once
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByRole('heading', { name: 'Ce lien d’invitation a déjà servi' })).toBeVisible();
  await other.close();

  // the administrator sees the new collaborator; he cannot demote himself, the last administrator
  await page.goto('/espace/compte/droits');
  await expect(page.getByText(`Inès ${lastName}`)).toBeVisible();
  await page.getByRole('link', { name: 'Modifier les droits de Lucas Weber' }).click();
  await page.getByLabel('Collaborateur : les droits choisis ci-dessous').check();
  await page.getByRole('button', { name: 'Enregistrer les droits' }).click();
  await expect(page.getByText('Il doit toujours rester au moins un administrateur').first()).toBeVisible();
  await expectNoAxeViolations(page);
});
