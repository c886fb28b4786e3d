import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caisseLegalNotice, keyDates } from '@/db/schema';
import { seedReference } from '@/db/seed';
import { getSpaceClosureNow } from '@/lib/site/closure';
import { getDepartments, getLegalNotice, getNextKeyDate } from '@/lib/site/queries';
import { engines, useTestDatabase } from '../support/db';

// A Paris-time instant on a given day (noon, so no time-zone edge is involved unless the test wants one).
const at = (day: string, time = '12:00:00') => new Date(`${day}T${time}+01:00`);

describe.each(engines)('public site data (%s)', (engine) => {
  const db = useTestDatabase(engine);

  it('reads the legal notice (publisher from the caisse, host from data), and seeding it twice changes nothing', async () => {
    await seedReference(db());
    const { caisse, notice } = await getLegalNotice(db());
    expect(caisse.legalName).toBe('Caisse de congés payés du bâtiment et des travaux publics du Grand Est');
    expect(notice?.hostName).toBe('Hébergeur à renseigner lors de la mise en production');
    expect(notice?.dataProtectionEmail).toMatch(/@/);
    expect(await db().select().from(caisseLegalNotice)).toHaveLength(1);
  });

  it('lists the 18 departments with their site, and finds which are under Alsace-Moselle law', async () => {
    const deps = await getDepartments(db());
    expect(deps).toHaveLength(18);
    expect(deps.find((d) => d.code === '67')).toMatchObject({ name: 'Bas-Rhin', siteName: 'Strasbourg', isAlsaceMoselle: true });
    expect(deps.find((d) => d.code === '54')).toMatchObject({ siteName: 'Nancy', isAlsaceMoselle: false });
    expect(deps.filter((d) => d.isAlsaceMoselle).map((d) => d.code)).toEqual(['57', '67', '68']);
  });

  it('finds the next key date of a kind, today included, past ones excluded', async () => {
    await db().insert(keyDates).values([
      { kind: 'leave_registration_deadline', label: 'Passée', startsOn: '2031-01-10' },
      { kind: 'leave_registration_deadline', label: 'Aujourd’hui', startsOn: '2031-02-01' },
      { kind: 'leave_registration_deadline', label: 'Plus tard', startsOn: '2031-03-01' },
      { kind: 'leave_payments_resume', label: 'Autre sorte', startsOn: '2031-01-20' },
    ]);
    expect((await getNextKeyDate(db(), 'leave_registration_deadline', '2031-02-01'))?.label).toBe('Aujourd’hui');
    expect((await getNextKeyDate(db(), 'leave_registration_deadline', '2031-02-02'))?.label).toBe('Plus tard');
    expect(await getNextKeyDate(db(), 'leave_registration_deadline', '2031-03-02')).toBeNull();
  });

  it('the secure space is closed during a closure (French calendar day) and says when it reopens', async () => {
    await db().insert(keyDates).values([
      { kind: 'space_closure', label: 'Fermeture pour bascule', startsOn: '2032-12-17', endsOn: '2033-01-06' },
      { kind: 'space_opening', label: 'Ouverture du nouvel Espace sécurisé', startsOn: '2033-01-07' },
      { kind: 'space_closure', label: 'Maintenance sans réouverture annoncée', startsOn: '2032-06-01', endsOn: '2032-06-02' },
      { kind: 'space_closure', label: 'Fermeture d’un jour', startsOn: '2032-09-15' },
    ]);
    expect(await getSpaceClosureNow(at('2032-12-16'))).toBeNull();
    // 23:30 UTC on the 16th is already the 17th in Paris: closed.
    expect((await getSpaceClosureNow(new Date('2032-12-16T23:30:00Z')))?.closure.label).toBe('Fermeture pour bascule');
    const during = await getSpaceClosureNow(at('2033-01-06'));
    expect(during).toMatchObject({ closure: { label: 'Fermeture pour bascule' }, reopensOn: '2033-01-07' });
    expect(await getSpaceClosureNow(at('2033-01-07'))).toBeNull();

    // The next opening announced (7 January) follows two later closures: it is not this closure's reopening,
    // so none is given and the closed page falls back to the day after the closure.
    const noOpening = await getSpaceClosureNow(at('2032-06-02'));
    expect(noOpening).toMatchObject({ closure: { label: 'Maintenance sans réouverture annoncée' }, reopensOn: null });
    expect(await getSpaceClosureNow(at('2032-06-03'))).toBeNull();
    expect(await getSpaceClosureNow(at('2032-09-15'))).toMatchObject({ closure: { label: 'Fermeture d’un jour' }, reopensOn: null });
  });

  it('removing the legal notice row leaves the publisher readable', async () => {
    await db().delete(caisseLegalNotice).where(eq(caisseLegalNotice.caisseId, 1));
    const { caisse, notice } = await getLegalNotice(db());
    expect(caisse.name).toBe('CIBTP Grand Est');
    expect(notice).toBeNull();
  });
});
