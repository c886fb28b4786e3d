import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { signIn } from '../fixtures/accounts';

// Each project uses its own demo company (the two share one server and database): desktop the
// Strasbourg company (Alsace-Moselle), phone the Reims one. February 2027: 1 February is a Monday.
// Workers are listed by name; the two dragged across are adjacent rows (a drag selects every row between).
// The form's and the drag's weeks (6 days each) fall on different workers: the demo rights are seeded
// relative to the day the seed runs, and in some months a worker has fewer than 12 days to take.
const companies = {
  desktop: { email: 'gerant@renovation-rhenane.test', password: 'Demo-Rhenane-2026!', form: ['Schmitt Marc', 'Muller Antoine'], drag: ['Klein Yasmine', 'Meyer Élodie'], keyboard: 'Wagner Hugo' },
  phone: { email: 'bureau@charpentes-champenoises.test', password: 'Demo-Champagne-2026!', form: ['Roux Manon', 'Perrin Sofiane'], drag: ['Chevalier Bruno', 'Lefèvre Damien'], keyboard: 'Perrin Sofiane' },
} as const;

const account = () => companies[test.info().project.name === 'phone' ? 'phone' : 'desktop'];

async function openFebruary(page: Page) {
  const a = account();
  await signIn(page, a.email, a.password);
  await expect(page).toHaveURL(/\/espace$/);
  // The dashboard's leave card: next deadline with its countdown, and who has no main leave yet.
  await expect(page.getByText(/Date limite d’enregistrement de dates de congés : \d{2}\/\d{2}\/\d{4} \(dans \d+ jours?\), pour le paiement du/)).toBeVisible();
  await expect(page.getByText(/salariés? n’(a|ont) pas de congé principal enregistré/)).toBeVisible();
  await page.goto('/espace/conges?mois=2027-02');
  await expect(page.getByRole('heading', { level: 1, name: 'Planification des congés' })).toBeVisible();
}

const form = (page: Page) => page.locator('#leave-form');
const rowOf = (page: Page, name: string) => page.getByTestId('team-calendar').locator('tbody tr', { has: page.getByRole('rowheader', { name }) });

test('registers a week for two workers with the form: days counted and payment run shown, drawn in the calendar', async ({ page }) => {
  const a = account();
  await openFebruary(page);
  await expect(page.getByText(/Date limite d’enregistrement de dates de congés/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  for (const name of a.form) await form(page).getByLabel(name).check();
  await page.getByLabel('Premier jour de congé').fill('2027-02-01');
  await page.getByLabel('Dernier jour de congé').fill('2027-02-06');
  await page.getByLabel(/Autre congé/).check();
  await expect(page.getByTestId('leave-count')).toContainText('6 jours ouvrables comptés du 01/02/2027 au 06/02/2027 pour 2 salariés');
  await page.getByRole('button', { name: 'Enregistrer les congés' }).click();
  await expect(page.getByText(/Congé enregistré pour 2 salariés : 6 jours ouvrables chacun\. Il sera payé lors du paiement du \d{2}\/\d{2}\/\d{4} \(date limite d’enregistrement : \d{2}\/\d{2}\/\d{4}\)\./)).toBeVisible();
  for (const name of a.form) await expect(rowOf(page, name).getByText(/Autre congé du 01\/02\/2027 au 06\/02\/2027, 6 jours : enregistré/)).toBeAttached();
  await expectNoAxeViolations(page);

  // The worker's own view: rights, the leave, its payment run and the indemnity's computation.
  await rowOf(page, a.form[0]).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Droits à congés' })).toBeVisible();
  await expect(page.getByText(/payé lors du paiement du \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await page.getByText('Détail du calcul de l’indemnité').click();
  await expect(page.getByText('Valeur d’un jour', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  // A leave overlapping it is refused at the field, in French.
  await page.goto('/espace/conges?mois=2027-02');
  await form(page).getByLabel(a.form[0]).check();
  await page.getByLabel('Premier jour de congé').fill('2027-02-05');
  await page.getByLabel('Dernier jour de congé').fill('2027-02-05');
  await page.getByLabel(/Autre congé/).check();
  await page.getByRole('button', { name: 'Enregistrer les congés' }).click();
  await expect(page.getByText('Le congé n’a pas été enregistré : vérifiez les informations signalées.')).toBeVisible();
  await expect(page.locator('#start-erreur, #end-erreur').first()).toBeVisible();
});

test('registers a week for two workers by dragging across their rows', async ({ page }) => {
  const a = account();
  await openFebruary(page);
  const first = rowOf(page, a.drag[0]).locator('td').nth(7); // 8 February
  const last = rowOf(page, a.drag[1]).locator('td').nth(12); // 13 February
  // In the middle of the screen, clear of the site's header.
  await first.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  const from = (await first.boundingBox())!;
  const to = (await last.boundingBox())!;
  if (test.info().project.name === 'phone') {
    // Touch: the same pointer events a finger produces (pointerType « touch »).
    const at = (b: { x: number; y: number; width: number; height: number }) => ({ clientX: b.x + b.width / 2, clientY: b.y + b.height / 2, pointerType: 'touch', isPrimary: true, bubbles: true, pointerId: 7 });
    await first.dispatchEvent('pointerdown', at(from));
    await first.dispatchEvent('pointermove', at(to));
    await first.dispatchEvent('pointerup', at(to));
  } else {
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await page.mouse.up();
  }
  for (const name of a.drag) await expect(form(page).getByLabel(name)).toBeChecked();
  await expect(page.getByLabel('Premier jour de congé')).toHaveValue('2027-02-08');
  await expect(page.getByLabel('Dernier jour de congé')).toHaveValue('2027-02-13');
  await expect(page.getByTestId('leave-count')).toContainText('6 jours ouvrables comptés');
  await page.getByLabel(/Autre congé/).check();
  await page.getByRole('button', { name: 'Enregistrer les congés' }).click();
  await expect(page.getByText(/Congé enregistré pour 2 salariés : 6 jours ouvrables chacun/)).toBeVisible();
  for (const name of a.drag) await expect(rowOf(page, name).getByText(/du 08\/02\/2027 au 13\/02\/2027/)).toBeAttached();
});

test('exports the leaves as iCalendar and CSV, read back', async ({ page }) => {
  const a = account();
  await openFebruary(page);
  // Its own leave (not another test's): two days in March 2027, for the worker the other tests use least.
  await page.goto('/espace/conges?mois=2027-03');
  await form(page).getByLabel(a.keyboard).check();
  await page.getByLabel('Premier jour de congé').fill('2027-03-01');
  await page.getByLabel('Dernier jour de congé').fill('2027-03-02');
  await page.getByLabel(/Autre congé/).check();
  await page.getByRole('button', { name: 'Enregistrer les congés' }).click();
  await expect(page.getByText(/Congé enregistré pour 1 salarié : 2 jours ouvrables/)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporter (iCalendar .ics)' }).click();
  const ics = await (await downloading).createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  // Unfold the lines (RFC 5545), then read each event's summary and dates back.
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  const events = ics.split('BEGIN:VEVENT').slice(1).map((e) => ({
    summary: /SUMMARY:(.*)/.exec(e.replace(/\r\n[ \t]/g, ''))?.[1]?.trim(),
    start: /DTSTART;VALUE=DATE:(\d{8})/.exec(e)?.[1],
    end: /DTEND;VALUE=DATE:(\d{8})/.exec(e)?.[1],
  }));
  const [last, first] = a.keyboard.split(' ');
  expect(events).toContainEqual({ summary: `Congés — ${first} ${last}`, start: '20270301', end: '20270303' });

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporter (CSV)' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe('conges.csv');
  const csv = fs.readFileSync((await csvFile.path())!, 'utf8');
  expect(csv).toContain('01/03/2027');
  expect(csv).toContain(last);
});

test('registers a leave with the keyboard alone', async ({ page }) => {
  const a = account();
  await openFebruary(page);
  const box = form(page).getByLabel(a.keyboard);
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name'));
  const tabTo = async (name: string) => {
    for (let i = 0; i < 8 && (await focusedName()) !== name; i++) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe(name);
  };
  // A date field's segments follow the browser's own language (day or month first): type day first, and
  // if the browser read it month first, go back to the field's first segment and type month first.
  const typeDate = async (name: string, iso: string) => {
    const [y, m, d] = iso.split('-');
    await tabTo(name);
    await page.keyboard.type(`${d}${m}${y}`);
    const field = page.locator(`#leave-form input[name="${name}"]`);
    if ((await field.inputValue()) === iso) return;
    while ((await focusedName()) === name) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`${m}${d}${y}`);
    await expect(field).toHaveValue(iso);
  };
  await typeDate('start', '2027-02-22');
  await typeDate('end', '2027-02-23');
  await tabTo('kind');
  await page.keyboard.press('ArrowDown'); // « Autre congé »
  await expect(page.getByLabel(/Autre congé/)).toBeChecked();
  await expect(page.getByTestId('leave-count')).toContainText('2 jours ouvrables comptés');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Enregistrer les congés' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Congé enregistré pour 1 salarié : 2 jours ouvrables\./)).toBeVisible();
});
