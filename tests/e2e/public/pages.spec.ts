import { expect, test, type Page } from '@playwright/test';
import { guides, guidesBasePath } from '../../../lib/site/guides';
import { expectNoAxeViolations } from '../fixtures/axe';

// Every page of the public site, with the h1 a visitor must see (null: the page belongs to another issue
// whose heading may change, only its existence and accessibility are checked here).
const publicPages: { path: string; heading: string | null }[] = [
  { path: '/', heading: 'Votre Espace sécurisé' },
  { path: '/connexion', heading: 'Connexion à l’Espace sécurisé' },
  { path: '/premiere-connexion', heading: null },
  { path: '/services-en-ligne', heading: 'Services en ligne' },
  { path: guidesBasePath, heading: 'Informations pratiques' },
  ...guides.map((g) => ({ path: `${guidesBasePath}/${g.slug}`, heading: g.title })),
  { path: '/nos-sites', heading: 'Nos sites' },
  { path: '/accessibilite', heading: 'Déclaration d’accessibilité' },
  { path: '/mentions-legales', heading: 'Mentions légales' },
];

/** Interactive elements of the page frame and the controls that are not links inside a sentence. */
async function smallTapTargets(page: Page) {
  return page.evaluate(() => {
    const selector = [
      'header a',
      'header button',
      'footer a',
      'nav a',
      'main button',
      'main select',
      'main input',
      'main summary',
    ].join(', ');
    // A radio or checkbox is tapped through its label: measure the label.
    const target = (el: HTMLElement): HTMLElement => {
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
        const label = el.closest('label') ?? (el.id ? document.querySelector<HTMLElement>(`label[for="${el.id}"]`) : null);
        if (label) return label;
      }
      return el;
    };
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.checkVisibility() && !el.closest('.sr-only'))
      .map((el) => ({ el, r: target(el).getBoundingClientRect() }))
      .filter(({ r }) => r.width > 1 && (r.height < 44 - 0.5 || r.width < 44 - 0.5))
      .map(({ el, r }) => `${el.tagName.toLowerCase()} « ${el.textContent?.trim()} » ${Math.round(r.width)}×${Math.round(r.height)}`);
  });
}

for (const { path, heading } of publicPages) {
  test(`${path} answers, is accessible and fits the screen`, async ({ page }, testInfo) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveCount(1);
    if (heading) await expect(h1).toHaveText(heading);
    await expect(page.getByRole('navigation', { name: 'Menu principal' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expectNoAxeViolations(page);

    if (testInfo.project.name === 'phone') {
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no horizontal scroll at 360 px').toBeLessThanOrEqual(360);
      expect(await smallTapTargets(page), 'tap targets under 44 px').toEqual([]);
    }
  });
}

test('the open « Entreprise / Tiers-déclarant » menu fits the phone screen and passes axe', async ({ page }, testInfo) => {
  await page.goto('/nos-sites');
  await page.getByRole('button', { name: 'Entreprise / Tiers-déclarant' }).click();
  const list = page.locator('#' + (await page.getByRole('button', { name: 'Entreprise / Tiers-déclarant' }).getAttribute('aria-controls')));
  await expect(list).toBeVisible();
  await expectNoAxeViolations(page);
  if (testInfo.project.name === 'phone') {
    const box = (await list.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await smallTapTargets(page)).toEqual([]);
  }
});
