import { describe, expect, it } from 'vitest';
import { keyDates } from '@/db/schema';
import { getSitesWithDepartments, getUpcomingKeyDates, getClosureInForce, getNextOpening } from '@/lib/site/queries';
import { seedDemo } from '@/db/seed';
import { engines, useTestDatabase } from '../support/db';

describe.each(engines)('reference data and key dates (%s)', (engine) => {
  const db = useTestDatabase(engine);

  it('has the six sites serving the 18 departments, three under Alsace-Moselle law', async () => {
    const sites = await getSitesWithDepartments(db());
    expect(sites.map((s) => s.name)).toEqual(['Mâcon', 'Metz', 'Mulhouse', 'Nancy', 'Reims', 'Strasbourg']);
    const deps = sites.flatMap((s) => s.departments);
    expect(deps).toHaveLength(18);
    expect(deps.filter((d) => d.isAlsaceMoselle).map((d) => d.code).sort()).toEqual(['57', '67', '68']);
    expect(sites.find((s) => s.name === 'Strasbourg')!.departments.map((d) => d.code)).toContain('67');
  });

  it('demo seed places upcoming dates after today, no closure in force, and is idempotent', async () => {
    await seedDemo(db(), { today: '2026-11-27' });
    await seedDemo(db(), { today: '2026-11-27' });
    const upcoming = await getUpcomingKeyDates(db(), '2026-11-27');
    expect(upcoming.length).toBeGreaterThanOrEqual(4);
    expect(upcoming.every((d) => d.startsOn >= '2026-11-27')).toBe(true);
    expect(upcoming[0]!.kind).toBe('leave_registration_deadline');
    expect(await getClosureInForce(db(), '2026-11-27')).toBeNull();
    const all = await db().select().from(keyDates);
    expect(all.filter((d) => d.startsOn < '2021-02-01').map((d) => d.kind).sort()).toEqual(
      ['leave_payments_resume', 'leave_registration_deadline', 'space_closure', 'space_opening'],
    );
  });

  it('finds the closure in force on its first and last day, not the day after, and the reopening', async () => {
    await db().insert(keyDates).values([
      { kind: 'space_closure', label: 'Fermeture test', startsOn: '2030-03-10', endsOn: '2030-03-12' },
      { kind: 'space_opening', label: 'Réouverture test', startsOn: '2030-03-13' },
      { kind: 'space_closure', label: 'Fermeture d’un jour', startsOn: '2030-04-01' },
    ]);
    expect(await getClosureInForce(db(), '2030-03-09')).toBeNull();
    expect((await getClosureInForce(db(), '2030-03-10'))?.label).toBe('Fermeture test');
    expect((await getClosureInForce(db(), '2030-03-12'))?.label).toBe('Fermeture test');
    expect(await getClosureInForce(db(), '2030-03-13')).toBeNull();
    expect((await getNextOpening(db(), '2030-03-12'))?.startsOn).toBe('2030-03-13');
    expect((await getClosureInForce(db(), '2030-04-01'))?.label).toBe('Fermeture d’un jour');
    expect(await getClosureInForce(db(), '2030-04-02')).toBeNull();
  });
});
