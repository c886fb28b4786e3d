import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';

// Each demo pair of letters creates one space, and both viewports run on the same server: the desktop
// run uses PRODUCT.md's Nancy letters, the phone run the seed's second demo pair (Reims).
const demo = {
  desktop: { siret: '912 345 675 00017', identifier: 'GE-2026-000417', code: 'K7Q4-M2XP', name: 'Bâtiments de l’Est Démo SARL' },
  phone: { siret: '95678901000017', identifier: 'ge-2026-000588', code: 'm3wx 7pqr', name: 'Maçonnerie Vosgienne Démo SARL' },
} as const;

const password = 'Jambon-Orage-Piscine-73';

type Weight = { page: string; requests: number; transferredKB: number };

/** Transferred bytes (compressed bodies + headers) of a cold load of `url` with the same cookies. */
async function coldLoadWeight(browser: Browser, page: Page, url: string): Promise<Weight> {
  const context = await browser.newContext({ storageState: await page.context().storageState(), viewport: page.viewportSize() ?? undefined });
  const cold = await context.newPage();
  const responses: Promise<number>[] = [];
  cold.on('requestfinished', (request) => {
    responses.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  await cold.goto(url, { waitUntil: 'load' });
  // Late requests (client chunks, prefetches) count too: wait until none has started for a second.
  let last = responses.length;
  for (let quiet = 0; quiet < 4; ) {
    await cold.waitForTimeout(250);
    quiet = responses.length === last ? quiet + 1 : 0;
    last = responses.length;
  }
  const sizes = await Promise.all(responses);
  await context.close();
  return { page: new URL(url).pathname, requests: sizes.length, transferredKB: Math.round(sizes.reduce((a, b) => a + b, 0) / 102.4) / 10 };
}

function report(testInfo: TestInfo, name: string, data: unknown) {
  const file = path.join('test-results', `${name}-${testInfo.project.name}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
  console.log(`[${testInfo.project.name}] ${name}: ${JSON.stringify(data)}`);
}

async function confirmationLink(page: Page, email: string): Promise<string> {
  let link = '';
  await expect
    .poll(async () => {
      const res = await page.request.get(`/dev/mailbox/api?to=${encodeURIComponent(email)}`);
      const messages = (await res.json()) as { template: string; text: string }[];
      const m = messages.find((x) => x.template === 'confirm-account');
      link = /https?:\/\/\S+\/premiere-connexion\/confirmer\?token=[A-Za-z0-9_-]+/.exec(m?.text ?? '')?.[0] ?? '';
      return link;
    })
    .not.toBe('');
  return link;
}

test('from the home page to the dashboard through the wizard, then logout and sign-in with the new password', async ({ page, browser }, testInfo) => {
  // A long journey (five cold loads measured, axe on a dozen states) on a shared 2-core machine.
  test.setTimeout(180_000);
  const letters = demo[testInfo.project.name as keyof typeof demo];
  const email = `gerance.${testInfo.project.name}@exemple.test`;
  const weights: Weight[] = [];

  await page.goto('/');
  await page.getByRole('link', { name: 'Services en ligne' }).first().click();
  await expect(page).toHaveURL(/\/connexion$/);
  await page.getByRole('link', { name: /Je crée mon espace sécurisé/ }).click();

  // Step 1, keyboard only; an empty submission first.
  await expect(page).toHaveURL(/\/premiere-connexion$/);
  await expect(page.getByText('Étape 1 sur 4', { exact: true })).toBeVisible();
  await expect(page.locator('li[aria-current="step"]')).toContainText('Questions');
  await expectNoAxeViolations(page);
  weights.push(await coldLoadWeight(browser, page, page.url()));
  await page.getByRole('button', { name: 'Continuer' }).focus();
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /Indiquez si vous êtes une entreprise adhérente/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: /Une entreprise adhérente/ }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /Oui, j’ai les deux courriers/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  // Step 2: a later step cannot be opened by its address.
  await expect(page).toHaveURL(/\/premiere-connexion\/identification$/);
  await expect(page.getByText('Étape 2 sur 4', { exact: true })).toBeVisible();
  await page.goto('/premiere-connexion/messagerie');
  await expect(page).toHaveURL(/\/premiere-connexion\/identification$/);
  await expectNoAxeViolations(page);
  weights.push(await coldLoadWeight(browser, page, page.url()));

  await page.getByLabel('Numéro SIRET').fill(letters.siret);
  await page.getByLabel('Identifiant').fill(letters.identifier);
  await page.getByLabel('Code confidentiel').fill('AAAA-BBBB');
  await page.getByRole('button', { name: 'Vérifier mes courriers' }).click();
  await expect(page.getByText('Ces informations ne correspondent pas à vos courriers.')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Ces informations' })).toBeFocused();
  // The code is never sent back; the rest is kept.
  await expect(page.getByLabel('Code confidentiel')).toHaveValue('');
  await expect(page.getByLabel('Identifiant')).toHaveValue(letters.identifier);
  await expectNoAxeViolations(page);

  await page.getByLabel('Code confidentiel').fill(letters.code);
  const started = Date.now();
  await page.getByRole('button', { name: 'Vérifier mes courriers' }).click();
  await expect(page).toHaveURL(/\/premiere-connexion\/adresse-et-mot-de-passe$/);
  const identifyMs = Date.now() - started;

  // Step 3: the meter, the toggle, a refused password, then a good one.
  await expect(page.getByText('Étape 3 sur 4', { exact: true })).toBeVisible();
  await expect(page.getByText(letters.name)).toBeVisible();
  await expectNoAxeViolations(page);
  weights.push(await coldLoadWeight(browser, page, page.url()));
  await page.getByLabel('Adresse électronique', { exact: true }).fill(email);
  await page.getByLabel('Confirmation de l’adresse électronique').fill(email);
  const passwordInput = page.getByLabel('Mot de passe', { exact: true });
  const lazyBytes: Promise<number>[] = [];
  const onRequest = (r: import('@playwright/test').Request) => void lazyBytes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  page.on('requestfinished', onRequest);
  await passwordInput.fill('azertyuiop123');
  await expect(page.getByText(/Robustesse : Faible — ce mot de passe ne convient pas encore/)).toBeVisible();
  page.off('requestfinished', onRequest);
  const meterKB = Math.round((await Promise.all(lazyBytes)).reduce((a, b) => a + b, 0) / 102.4) / 10;
  const toggle = page.getByRole('button', { name: 'Afficher le mot de passe' }).first();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(passwordInput).toHaveAttribute('type', 'text');
  await expectNoAxeViolations(page);
  await page.getByLabel('Confirmation du mot de passe').fill('azertyuiop123');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('link', { name: /trop facile à deviner/ })).toBeVisible();
  await expect(passwordInput).toHaveValue('');
  await expect(page.getByLabel('Adresse électronique', { exact: true })).toHaveValue(email);
  await expectNoAxeViolations(page);

  await passwordInput.fill(password);
  await expect(page.getByText(/Robustesse : (Robuste|Très robuste) — ce mot de passe convient/)).toBeVisible();
  await page.getByLabel('Confirmation du mot de passe').fill(password);
  await page.getByRole('button', { name: 'Continuer' }).click();

  // Step 4; a refresh keeps it; going back shows the address again.
  await expect(page).toHaveURL(/\/premiere-connexion\/messagerie$/);
  await expect(page.getByText('Étape 4 sur 4', { exact: true })).toBeVisible();
  await expect(page.getByText('Consultez votre messagerie')).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await page.reload();
  await expect(page.getByText('Étape 4 sur 4', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  weights.push(await coldLoadWeight(browser, page, page.url()));
  await page.getByRole('button', { name: 'Renvoyer le courriel' }).click();
  await expect(page.getByText(/Patientez \d+ secondes avant d’en demander un autre/)).toBeVisible();
  await page.getByRole('link', { name: /Adresse et mot de passe/ }).click();
  await expect(page).toHaveURL(/adresse-et-mot-de-passe$/);
  await expect(page.getByLabel('Adresse électronique', { exact: true })).toHaveValue(email);
  await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveValue('');

  // The link from the dev mailbox: opening it changes nothing until the button is pressed.
  const link = await confirmationLink(page, email);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Confirmer la création de mon espace' })).toBeVisible();
  await expect(page.getByText(letters.name)).toBeVisible();
  await expectNoAxeViolations(page);
  weights.push(await coldLoadWeight(browser, page, page.url()));
  await page.getByRole('button', { name: 'Confirmer la création de mon espace' }).click();

  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole('heading', { name: letters.name })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole('heading', { name: letters.name })).toBeVisible();

  // The same link again: a clear page, nothing happens.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Ce lien a déjà été utilisé' })).toBeVisible();
  await expectNoAxeViolations(page);

  report(testInfo, 'wizard-page-weights', { weights, passwordMeterLazyKB: meterKB, identifyClickToStep3Ms: identifyMs });
  // Budget: each step stays light on a phone connection; the meter's dictionaries are not part of it.
  for (const w of weights) expect(w.transferredKB, w.page).toBeLessThan(400);
});

test('without both letters: what to do, and the site serving the chosen department', async ({ page }) => {
  await page.goto('/premiere-connexion');
  await page.getByRole('radio', { name: /Un cabinet comptable \/ tiers-déclarant/ }).check();
  await page.getByRole('radio', { name: /Non, il m’en manque au moins un/ }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page).toHaveURL(/\/premiere-connexion\/sans-courriers$/);
  await expect(page.getByRole('heading', { name: 'Comment obtenir de nouveaux courriers' })).toBeVisible();
  await expectNoAxeViolations(page);
  const select = page.getByLabel('Votre département', { exact: true });
  await expect(select.locator('option:not([value=""])')).toHaveCount(18);
  await select.selectOption('54');
  await page.getByRole('button', { name: 'Afficher le site' }).click();
  await expect(page.getByRole('heading', { name: 'Meurthe-et-Moselle (54) : site de Nancy' })).toBeVisible();
  await expect(page.locator('#site').getByRole('link', { name: '03 83 00 00 00' })).toHaveAttribute('href', 'tel:0383000000');
  await expectNoAxeViolations(page);
  // Without letters, step 2 stays closed.
  await page.goto('/premiere-connexion/identification');
  await expect(page).toHaveURL(/\/premiere-connexion$/);
  await expect(page.getByRole('radio', { name: /Non, il m’en manque au moins un/ })).toBeChecked();
});
