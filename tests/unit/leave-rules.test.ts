import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLeaveDays, shiftDay } from '@/lib/leave/days';
import { checkLeave, fractionnementDays, leaveBalance, remainingDays, type ExistingLeave, type LeaveCheckInput, type LeaveKind } from '@/lib/leave/rules';

const worker = { hiredOn: '2020-01-06', leftOn: null, acquiredDays: 30, existing: [] as ExistingLeave[], alsaceMoselle: false };

function leave(id: string, start: string, end: string, kind: LeaveKind, alsaceMoselle = false): ExistingLeave {
  return { id, start, end, kind, days: countLeaveDays(start, end, alsaceMoselle) };
}

type CheckOverrides = Partial<Omit<LeaveCheckInput, 'existing'>> & Pick<LeaveCheckInput, 'start' | 'end'> & { existing?: readonly ExistingLeave[] };

function check({ existing, ...overrides }: CheckOverrides) {
  return checkLeave({ kind: 'main', ...worker, ...overrides, existing: [...(existing ?? [])] });
}

describe('checkLeave: refusals at the field', () => {
  it('accepts two weeks of main leave in July and counts them', () => {
    expect(check({ start: '2026-07-20', end: '2026-08-01' })).toEqual({ days: 12, errors: [], warnings: [] });
  });

  it.each([
    {
      label: 'end before start',
      input: { start: '2026-07-25', end: '2026-07-20' },
      field: 'end',
      message: 'La date de fin doit être le même jour que la date de début ou après.',
    },
    { label: 'a day that does not exist', input: { start: '2026-02-30', end: '2026-03-02' }, field: 'start', message: 'Saisissez une date de début valide (jj/mm/aaaa).' },
    {
      label: 'ending after the leave year',
      input: { start: '2027-04-26', end: '2027-05-08', kind: 'other' },
      field: 'end',
      message: 'Le congé doit se terminer au plus tard le 30/04/2027, fin de l’année de congés du 01/05/2026 au 30/04/2027.',
    },
    {
      label: 'starting before the chosen leave year',
      input: { start: '2026-04-27', end: '2026-05-02', kind: 'other', leaveYear: { start: '2026-05-01', end: '2027-04-30' } },
      field: 'start',
      message: 'Le congé doit commencer dans l’année de congés du 01/05/2026 au 30/04/2027.',
    },
    {
      label: 'before hire',
      input: { start: '2026-07-20', end: '2026-08-01', hiredOn: '2026-07-22' },
      field: 'start',
      message: 'Le salarié est entré dans l’entreprise le 22/07/2026 : le congé ne peut pas commencer avant.',
    },
    {
      label: 'after exit',
      input: { start: '2026-07-20', end: '2026-08-01', leftOn: '2026-07-31' },
      field: 'end',
      message: 'Le salarié a quitté l’entreprise le 31/07/2026 : le congé ne peut pas se terminer après.',
    },
    {
      label: 'no jour ouvrable (a Sunday)',
      input: { start: '2026-07-19', end: '2026-07-19' },
      field: 'end',
      message: 'Cette période ne compte aucun jour ouvrable (dimanches et jours fériés ne comptent pas).',
    },
    {
      label: 'overlap with another leave of the worker',
      input: { start: '2026-07-20', end: '2026-07-25', existing: [leave('a', '2026-07-24', '2026-07-28', 'other')] },
      field: 'start',
      message: 'Ce salarié a déjà un congé du 24/07/2026 au 28/07/2026 : les dates se chevauchent.',
    },
    {
      label: 'more days than remaining',
      input: { start: '2026-07-20', end: '2026-07-25', kind: 'other', acquiredDays: 10, existing: [leave('a', '2026-06-01', '2026-06-06', 'other')] },
      field: 'end',
      message: 'Ce congé compte 6 jours ouvrables, mais il ne reste que 4 jours à ce salarié (10 jours acquis).',
    },
    {
      label: 'main leave over 24 days',
      input: { start: '2026-08-03', end: '2026-08-15', existing: [leave('a', '2026-06-01', '2026-06-20', 'main')] },
      field: 'kind',
      message:
        'Le congé principal ne peut pas dépasser 24 jours ouvrables : 18 jours déjà enregistrés et 11 jours pour ce congé. Enregistrez le reste (5e semaine) comme autre congé.',
    },
  ] as const)('refuses $label', ({ input, field, message }) => {
    const result = check(input);
    expect(result.errors).toContainEqual({ field, message });
  });

  it('accepts a leave that starts the day after another ends, and one on the last day of the leave year', () => {
    expect(check({ start: '2026-07-20', end: '2026-08-01', existing: [leave('a', '2026-07-13', '2026-07-19', 'other')] }).errors).toEqual([]);
    expect(check({ start: '2027-04-26', end: '2027-04-30', kind: 'other' }).errors).toEqual([]);
  });

  it('accepts exactly the days remaining, refuses one more', () => {
    const existing = [leave('a', '2026-06-01', '2026-06-20', 'main')]; // 18 days
    expect(check({ start: '2026-07-20', end: '2026-07-25', kind: 'main', acquiredDays: 24, existing }).errors).toEqual([]);
    expect(check({ start: '2026-07-20', end: '2026-07-27', kind: 'main', acquiredDays: 24, existing }).errors.map((e) => e.field)).toContain('end');
  });

  it('counts the Alsace-Moselle holidays out of the leave', () => {
    expect(check({ start: '2026-12-21', end: '2026-12-26', kind: 'other', alsaceMoselle: true }).days).toBe(4);
    expect(check({ start: '2026-12-21', end: '2026-12-26', kind: 'other' }).days).toBe(5);
  });
});

describe('checkLeave: main-leave warnings', () => {
  const twelveContinuous = 'Le congé principal doit comprendre au moins 12 jours ouvrables continus : la plus longue période enregistrée en compte 6.';

  it('warns when the main leave has no 12 continuous days', () => {
    expect(check({ start: '2026-07-20', end: '2026-07-25' })).toEqual({ days: 6, errors: [], warnings: [twelveContinuous] });
  });

  it('joins leaves with only a Sunday or a holiday between them into one block', () => {
    const before = [leave('a', '2026-07-13', '2026-07-18', 'main')]; // 5 days (14 July)
    expect(check({ start: '2026-07-20', end: '2026-07-25', existing: before }).warnings).toEqual([
      'Le congé principal doit comprendre au moins 12 jours ouvrables continus : la plus longue période enregistrée en compte 11.',
    ]);
    const previousFortnight = [leave('a', '2026-07-06', '2026-07-18', 'main')]; // 11 days
    expect(check({ start: '2026-07-20', end: '2026-07-25', existing: previousFortnight }).warnings).toEqual([]);
    // 13 July is a Monday, 14 July a holiday: a leave ending on the 13th and one starting on the 15th are continuous.
    const beforeHoliday = [leave('a', '2026-07-06', '2026-07-13', 'main')]; // 7 days
    expect(check({ start: '2026-07-15', end: '2026-07-20', existing: beforeHoliday }).warnings).toEqual([]); // 7 + 5
  });

  it('asks only for the days acquired when they are fewer than 12; never warns about other leave', () => {
    expect(check({ start: '2026-07-20', end: '2026-07-27', acquiredDays: 7 }).warnings).toEqual([]);
    expect(check({ start: '2026-07-20', end: '2026-07-25', kind: 'other' }).warnings).toEqual([]);
  });

  it('announces the fractionnement days of main leave taken after 31 October', () => {
    const summer = [leave('a', '2026-07-20', '2026-08-01', 'main')];
    expect(check({ start: '2026-11-02', end: '2026-11-07', existing: summer })).toEqual({
      days: 6,
      errors: [],
      warnings: ['6 jours de ce congé principal sont pris hors de la période du 1er mai au 31 octobre : le salarié acquiert 2 jours de fractionnement.'],
    });
    expect(check({ start: '2026-11-02', end: '2026-11-03', existing: summer }).warnings).toEqual([
      '2 jours de ce congé principal sont pris hors de la période du 1er mai au 31 octobre.',
    ]);
  });
});

describe('fractionnementDays: 3–5 main-leave days outside 1 May – 31 October → 1 day, 6 or more → 2', () => {
  it.each(([
    ['no leave', [], 0],
    ['main leave in summer', [leave('a', '2026-07-20', '2026-08-01', 'main')], 0],
    ['2 days in November', [leave('a', '2026-11-02', '2026-11-03', 'main')], 0],
    ['3 days in November', [leave('a', '2026-11-02', '2026-11-04', 'main')], 1],
    ['5 days in February', [leave('a', '2027-02-01', '2027-02-05', 'main')], 1],
    ['6 days in April', [leave('a', '2027-04-05', '2027-04-10', 'main')], 2],
    ['12 days in winter (capped at 2)', [leave('a', '2027-02-01', '2027-02-13', 'main')], 2],
    ['10 days of other leave in winter', [leave('a', '2027-02-01', '2027-02-11', 'other')], 0],
    ['across 31 October: 6 days in, 6 out', [leave('a', '2026-10-26', '2026-11-07', 'main')], 2],
    ['across 31 October: 3 days in, 3 out', [leave('a', '2026-10-29', '2026-11-04', 'main')], 1],
    ['two pieces of 3 days outside', [leave('a', '2026-11-02', '2026-11-04', 'main'), leave('b', '2027-02-01', '2027-02-03', 'main')], 2],
    ['Christmas 24–28 Dec 2026, national (3 days)', [leave('a', '2026-12-24', '2026-12-28', 'main')], 1],
    ['Christmas 24–28 Dec 2026, Alsace-Moselle (2 days)', [leave('a', '2026-12-24', '2026-12-28', 'main', true)], 0],
  ] as const).map(([label, leaves, expected]) => ({ label, leaves, expected })))('$label → $expected', ({ leaves, expected }) => {
    expect(fractionnementDays(leaves)).toBe(expected);
  });
});

describe('remaining days', () => {
  it('is acquired + fractionnement − registered', () => {
    const leaves = [leave('a', '2026-07-20', '2026-08-01', 'main'), leave('b', '2026-12-28', '2027-01-02', 'other')]; // 12 + 5
    expect(remainingDays(30, leaves)).toBe(13);
    const withWinterMain = [...leaves, leave('c', '2027-02-01', '2027-02-06', 'main')]; // 6 main days outside → +2
    expect(leaveBalance(30, withWinterMain)).toEqual({ acquired: 30, fractionnement: 2, registered: 23, mainRegistered: 18, remaining: 9 });
  });
});

// Ranges inside the leave year 2026–2027, at most 3 weeks long.
const leaveYearStart = Date.UTC(2026, 4, 1) / 86_400_000;
const candidateArb = fc.record({
  offset: fc.integer({ min: 0, max: 364 }),
  length: fc.integer({ min: 0, max: 20 }),
  kind: fc.constantFrom<LeaveKind>('main', 'other'),
  alsaceMoselle: fc.boolean(),
});

describe('rights properties', () => {
  it('registering leaves that checkLeave accepts, then cancelling them in any order, restores the remaining rights', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.array(candidateArb, { maxLength: 12 }), fc.boolean(), (acquired, candidates, am) => {
        const registered: ExistingLeave[] = [];
        const history: number[] = [remainingDays(acquired, registered)];
        candidates.forEach((c, i) => {
          const start = new Date((leaveYearStart + c.offset) * 86_400_000).toISOString().slice(0, 10);
          const end = shiftDay(start, c.length);
          const result = checkLeave({ start, end, kind: c.kind, hiredOn: '2020-01-06', leftOn: null, acquiredDays: acquired, existing: registered, alsaceMoselle: am });
          if (result.errors.length > 0) return;
          registered.push({ id: String(i), start, end, kind: c.kind, days: result.days });
          const remaining = remainingDays(acquired, registered);
          expect(remaining).toBeGreaterThanOrEqual(0);
          history.push(remaining);
        });
        // Never two leaves on the same day, never more than 24 days of main leave.
        for (const a of registered) for (const b of registered) if (a !== b) expect(a.start <= b.end && b.start <= a.end).toBe(false);
        expect(registered.filter((l) => l.kind === 'main').reduce((s, l) => s + l.days, 0)).toBeLessThanOrEqual(24);
        // Cancel from the last: each step gives back the figure before that registration.
        while (registered.length > 0) {
          registered.pop();
          history.pop();
          expect(remainingDays(acquired, registered)).toBe(history[history.length - 1]);
        }
        expect(remainingDays(acquired, [])).toBe(acquired);
      }),
    );
  });

  it('cancelling any one leave gives the same figure as never having registered it', () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { minLength: 1, maxLength: 8 }), fc.nat(), (candidates, pick) => {
        const leaves = candidates.map((c, i) => {
          const start = new Date((leaveYearStart + c.offset) * 86_400_000).toISOString().slice(0, 10);
          return leave(String(i), start, shiftDay(start, c.length), c.kind);
        });
        const index = pick % leaves.length;
        const without = leaves.filter((_, i) => i !== index);
        expect(remainingDays(30, leaves.filter((l) => l.id !== leaves[index]!.id))).toBe(remainingDays(30, without));
        expect(remainingDays(30, without)).toBeGreaterThanOrEqual(remainingDays(30, leaves));
      }),
    );
  });
});
