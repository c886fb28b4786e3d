import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';

// Long journeys with two people and emails, on a shared 2-core machine: more than the default minute.
test.describe.configure({ timeout: 180_000 });

// Company administrator (Strasbourg demo) delegates to the demo firm → the firm accepts from its email →
// opens the client and reads a delegated area → the company revokes → the firm's next page load for that
// client is refused. Runs on the desktop and phone projects against the same server, one after the other,
// so each run starts from whatever the previous one left (a revoked delegation, which does not block a new one).

const company = { email: 'gerant@renovation-rhenane.test', password: 'Demo-Rhenane-2026!', name: 'Rénovation Rhénane Démo SAS' };
const firm = { email: 'cabinet@comptable-lorrain.test', password: 'Demo-Cabinet-2026!', name: 'Cabinet Comptable Lorrain Démo' };

type Mail = { id: string; subject: string; text: string; html: string; createdAt: string };

async function signIn(browser: Browser, who: { email: string; password: string }, baseURL: string, isMobile: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', ...(isMobile ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } }) });
  const page = await context.newPage();
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill(who.email);
  await page.getByLabel('Mot de passe').fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/espace$/);
  return page;
}

async function newestMail(page: Page, to: string, subject: string, after: number): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(async () => {
      const res = await page.request.get(`/dev/mailbox/api?to=${encodeURIComponent(to)}`);
      const list = (await res.json()) as Mail[];
      found = list.find((m) => m.subject === subject && new Date(m.createdAt).getTime() >= after - 2000);
      return Boolean(found);
    }, { message: `email « ${subject} » to ${to}` })
    .toBe(true);
  return found!;
}

test('a company delegates to its accounting firm, the firm accepts from its email and acts, the company revokes', async ({ browser, baseURL, isMobile }) => {
  const started = Date.now();
  const owner = await signIn(browser, company, baseURL!, Boolean(isMobile));

  // « Gérer les droits d’accès » → « Déléguez à mon cabinet comptable »
  await owner.getByRole('link', { name: 'Gérer les droits d’accès' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: 'Gérer les droits d’accès' })).toBeVisible();
  await expectNoAxeViolations(owner);
  await owner.getByRole('link', { name: 'Déléguez à mon cabinet comptable' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: 'Déléguez à mon cabinet comptable' })).toBeVisible();
  await owner.getByLabel('SIRET ou nom du cabinet').fill('934 567 892');
  await owner.getByRole('button', { name: 'Rechercher' }).click();
  await expect(owner.getByText('1 cabinet trouvé')).toBeVisible();
  await expectNoAxeViolations(owner);
  await owner.getByRole('link', { name: `Choisir ${firm.name}` }).click();
  await expect(owner.getByText('Cabinet choisi')).toBeVisible();

  // nothing chosen → a clear error on the areas
  await owner.getByRole('button', { name: 'Confirmer la délégation' }).click();
  await expect(owner.getByText('Choisissez au moins un domaine (consultation ou saisie).')).toBeVisible();
  await expectNoAxeViolations(owner);
  await owner.getByRole('group', { name: 'Attestations' }).getByLabel('Consultation').check();
  await owner.getByRole('group', { name: 'Déclarations' }).getByLabel('Saisie').check();
  await owner.getByRole('button', { name: 'Confirmer la délégation' }).click();
  await expect(owner.getByText('Délégation proposée. Le cabinet a reçu un courriel')).toBeVisible();
  await expect(owner.getByText('En attente d’acceptation par le cabinet').first()).toBeVisible();

  // the firm accepts from its email
  const offer = await newestMail(owner, firm.email, `${company.name} vous délègue ses démarches CIBTP`, started);
  const link = /https?:\/\/[^\s"<>]+\/espace\/clients[^\s"<>]*/.exec(offer.text)?.[0];
  expect(link).toBeTruthy();
  const accountant = await signIn(browser, firm, baseURL!, Boolean(isMobile));
  await accountant.goto(new URL(link!).pathname + new URL(link!).hash);
  await expect(accountant.getByRole('heading', { level: 1, name: 'Mes clients' })).toBeVisible();
  await expectNoAxeViolations(accountant);
  await accountant.getByRole('button', { name: `Accepter la délégation de ${company.name}` }).click();
  await expect(accountant.getByText('Délégation acceptée : l’entreprise figure dans vos clients.')).toBeVisible();
  await newestMail(owner, company.email, `Délégation acceptée par ${firm.name}`, started);

  // the client list: search (server-side, works without JS) finds it with its areas and attention points
  await accountant.getByLabel('Nom, ville ou SIRET').fill('Rhénane');
  await accountant.getByRole('button', { name: 'Afficher' }).click();
  await expect(accountant).toHaveURL(/q=Rh/);
  const card = accountant.getByRole('listitem').filter({ has: accountant.getByRole('heading', { name: company.name }) });
  await expect(card.getByText('Attestations (consultation)')).toBeVisible();
  await expect(card.getByText('Déclarations (saisie)')).toBeVisible();
  await expect(card.getByText('non à jour')).toBeVisible();
  await expectNoAxeViolations(accountant);

  // switch to the client: the permanent banner, and the delegated area
  await card.getByRole('button', { name: `Agir pour cette entreprise : ${company.name}` }).click();
  await expect(accountant).toHaveURL(/\/espace$/);
  const banner = accountant.getByRole('region', { name: 'Entreprise pour laquelle vous agissez' });
  await expect(banner).toContainText(`Vous agissez pour ${company.name}`);
  await expect(accountant.getByRole('heading', { level: 1, name: company.name })).toBeVisible();
  const attestations = accountant.getByRole('listitem').filter({ has: accountant.getByRole('heading', { name: 'Attestations' }) });
  await expect(attestations).toContainText('Vos droits : consultation');
  await expect(attestations).toContainText('non à jour');
  // payments were not delegated: not shown; and the company's rights page is not the firm's business
  await expect(accountant.getByRole('heading', { name: 'Paiements' })).toHaveCount(0);
  await expectNoAxeViolations(accountant);
  await accountant.goto('/espace/historique');
  await expect(accountant.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  await expect(accountant.getByRole('region', { name: 'Entreprise pour laquelle vous agissez' })).toBeVisible();
  await expectNoAxeViolations(accountant);
  await accountant.goto('/espace');

  // the company's history shows what the firm did, « par Cabinet X (Mme Y) »
  await owner.goto('/espace/historique');
  await expect(owner.getByRole('heading', { level: 1, name: 'Historique' })).toBeVisible();
  await expect(owner.getByText(`par ${firm.name} (Claire Martin)`).first()).toBeVisible();
  await expect(owner.getByText(`Délégation au cabinet ${firm.name} acceptée`).first()).toBeVisible();
  await expectNoAxeViolations(owner);

  // the company revokes (with a confirmation step)
  await owner.goto('/espace/compte/droits');
  await owner.getByRole('link', { name: `Révoquer la délégation à ${firm.name}` }).click();
  await expect(owner.getByRole('heading', { name: `Révoquer la délégation à ${firm.name} ?` })).toBeVisible();
  await expectNoAxeViolations(owner);
  await owner.getByRole('button', { name: 'Confirmer la révocation' }).click();
  await expect(owner.getByText('Délégation révoquée : le cabinet n’a plus accès à votre espace.')).toBeVisible();

  // the firm's very next page load for that client is refused
  await accountant.reload();
  await expect(accountant.getByText(`Vous n’avez plus accès à l’espace de ${company.name}`)).toBeVisible();
  await expect(accountant.getByRole('region', { name: 'Entreprise pour laquelle vous agissez' })).toHaveCount(0);
  await expect(accountant.getByRole('heading', { level: 1, name: company.name })).toHaveCount(0);
  await expect(accountant.getByText('Vos droits : consultation')).toHaveCount(0);
  await expectNoAxeViolations(accountant);
  await accountant.getByRole('button', { name: 'Revenir à mes clients' }).click();
  await expect(accountant).toHaveURL(/\/espace\/clients$/);
  await expect(accountant.getByRole('heading', { name: company.name })).toHaveCount(0);

  // both sides are told by email
  const subject = `Délégation révoquée : ${company.name} – ${firm.name}`;
  await newestMail(owner, company.email, subject, started);
  await newestMail(owner, firm.email, subject, started);

  await owner.context().close();
  await accountant.context().close();
});

test('a firm asks a company for a delegation by SIRET; the company declines it; the firm manages its own users', async ({ browser, baseURL, isMobile }) => {
  const started = Date.now();
  const accountant = await signIn(browser, firm, baseURL!, Boolean(isMobile));
  await accountant.getByRole('link', { name: 'Mes clients' }).click();
  await expect(accountant.getByRole('heading', { level: 1, name: 'Mes clients' })).toBeVisible();
  await accountant.getByRole('link', { name: 'Demander une délégation à une entreprise' }).click();
  await expect(accountant.getByRole('heading', { level: 1, name: 'Demander une délégation à une entreprise' })).toBeVisible();
  await accountant.getByLabel('SIRET de l’entreprise').fill('923 456 784 00018');
  await accountant.getByRole('group', { name: 'Paiements' }).getByLabel('Consultation').check();
  await accountant.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(accountant.getByText('Ce numéro SIRET n’existe pas').first()).toBeVisible();
  await expectNoAxeViolations(accountant);
  await accountant.getByLabel('SIRET de l’entreprise').fill('923 456 784 00019');
  await accountant.getByLabel('Message pour l’entreprise').fill('Comme convenu au téléphone.');
  await accountant.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(accountant.getByText('Demande envoyée : l’entreprise doit l’accepter')).toBeVisible();
  await expect(accountant.getByRole('heading', { name: 'Vos demandes en attente de réponse' })).toBeVisible();

  const request = await newestMail(accountant, company.email, `${firm.name} demande à gérer vos démarches CIBTP`, started);
  const link = /https?:\/\/[^\s"<>]+\/espace\/compte\/droits/.exec(request.text)![0];
  const owner = await signIn(browser, company, baseURL!, Boolean(isMobile));
  await owner.goto(new URL(link).pathname);
  await expect(owner.getByRole('heading', { name: 'Demandes de délégation à traiter' })).toBeVisible();
  await expect(owner.getByText('« Comme convenu au téléphone. »')).toBeVisible();
  await expectNoAxeViolations(owner);
  await owner.getByRole('button', { name: `Refuser la demande de ${firm.name}` }).click();
  await expect(owner.getByText('Demande refusée. Le cabinet en est informé.')).toBeVisible();
  await newestMail(owner, firm.email, `Délégation refusée par ${company.name}`, started);

  await accountant.goto('/espace/clients');
  await expect(accountant.getByRole('heading', { name: 'Vos demandes en attente de réponse' })).toHaveCount(0);
  // the firm's administrator manages the firm's own users on the same page as a company does
  await accountant.getByRole('link', { name: 'Gérer les utilisateurs du cabinet' }).click();
  await expect(accountant.getByRole('heading', { level: 1, name: 'Gérer les droits d’accès' })).toBeVisible();
  await expect(accountant.getByText(firm.name).first()).toBeVisible();
  await expect(accountant.getByRole('heading', { name: 'Cabinet comptable' })).toHaveCount(0);
  await expectNoAxeViolations(accountant);

  await owner.context().close();
  await accountant.context().close();
});
