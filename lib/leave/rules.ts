// Rules a leave registration must meet. Pure. CONTRACT (lead): signatures fixed; bodies by leave-rules.
import { formatDayShort } from '@/lib/format';
import { countLeaveDays, isIsoDay, leaveYearOf, shiftDay, type DateRange } from './days';

export type LeaveKind = 'main' | 'other';

export type ExistingLeave = { id: string; start: string; end: string; days: number; kind: LeaveKind };

export type LeaveCheckInput = {
  start: string;
  end: string;
  kind: LeaveKind;
  /** Worker facts. */
  hiredOn: string;
  leftOn: string | null;
  /** Days acquired for this leave year, and the worker's other leaves in it (the edited leave excluded). */
  acquiredDays: number;
  existing: ExistingLeave[];
  alsaceMoselle: boolean;
  /** The leave year the registration is for; when omitted, the leave year of `start`. */
  leaveYear?: DateRange;
};

export type LeaveProblem = { field: 'start' | 'end' | 'kind'; message: string };

export type LeaveCheck = {
  /** Days counted (jours ouvrables minus holidays). */
  days: number;
  /** Refusals (French, shown at the field). Empty → the leave may be registered. */
  errors: LeaveProblem[];
  /** Advice that does not block (e.g. the 12-continuous-days rule of the main leave not met). */
  warnings: string[];
};

/** The main leave (congé principal) is at most four weeks of jours ouvrables; the 5th week is taken apart. */
export const MAIN_LEAVE_MAX_DAYS = 24;
/** The main leave must contain one block of at least 12 continuous jours ouvrables. */
export const MAIN_LEAVE_MIN_CONTINUOUS_DAYS = 12;

/** The legal period of the main leave (1 May – 31 October) in the leave year containing `day`. */
export function mainLeavePeriodFor(day: string): DateRange {
  const year = leaveYearOf(day).start.slice(0, 4);
  return { start: `${year}-05-01`, end: `${year}-10-31` };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${Math.abs(n) >= 2 ? 's' : ''}`;
}

function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * Leaves that follow one another with no jour ouvrable between them (e.g. one ending on a Saturday and
 * the next starting on Monday, or around a public holiday) form one continuous block; returns the days
 * of each block.
 */
function continuousBlocks(leaves: readonly { start: string; end: string; days: number }[], alsaceMoselle: boolean): number[] {
  const sorted = [...leaves].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const blocks: number[] = [];
  let lastEnd: string | null = null;
  for (const leave of sorted) {
    const joins = lastEnd !== null && (leave.start <= shiftDay(lastEnd, 1) || countLeaveDays(shiftDay(lastEnd, 1), shiftDay(leave.start, -1), alsaceMoselle) === 0);
    if (joins) blocks[blocks.length - 1]! += leave.days;
    else blocks.push(leave.days);
    if (lastEnd === null || leave.end > lastEnd) lastEnd = leave.end;
  }
  return blocks;
}

/**
 * What the worker still has to take: days acquired, plus the fractionnement days their main leave earns,
 * minus the days of the leaves registered. Registering a leave and cancelling it gives back the same
 * figure (the function only reads the list). Can be negative only when data already breaks the rules.
 */
export function remainingDays(acquired: number, leaves: readonly ExistingLeave[]): number {
  return leaveBalance(acquired, leaves).remaining;
}

export type LeaveBalance = {
  acquired: number;
  /** Extra days earned by main-leave days taken outside 1 May – 31 October. */
  fractionnement: number;
  /** Days of the registered leaves. */
  registered: number;
  /** Days of main leave registered (at most 24). */
  mainRegistered: number;
  remaining: number;
};

/** The figures of the rights page: acquired + fractionnement − registered = remaining. */
export function leaveBalance(acquired: number, leaves: readonly ExistingLeave[]): LeaveBalance {
  const fractionnement = fractionnementDays(leaves);
  let registered = 0;
  let mainRegistered = 0;
  for (const leave of leaves) {
    registered += leave.days;
    if (leave.kind === 'main') mainRegistered += leave.days;
  }
  return { acquired, fractionnement, registered, mainRegistered, remaining: acquired + fractionnement - registered };
}

/**
 * Inside the leave year; ≤ days remaining; no overlap; not before hire / after exit; main leave ≤ 24 days
 * between 1 May and 31 October (warning when < 12 continuous days).
 *
 * Main leave taken (partly) outside 1 May – 31 October is not refused: the law allows it with the
 * worker's agreement, and it is exactly what earns fractionnement days, announced as a warning.
 */
export function checkLeave(input: LeaveCheckInput): LeaveCheck {
  const { start, end, kind, hiredOn, leftOn, existing, alsaceMoselle } = input;
  const errors: LeaveProblem[] = [];
  const warnings: string[] = [];

  const startValid = isIsoDay(start);
  const endValid = isIsoDay(end);
  if (!startValid) errors.push({ field: 'start', message: 'Saisissez une date de début valide (jj/mm/aaaa).' });
  if (!endValid) errors.push({ field: 'end', message: 'Saisissez une date de fin valide (jj/mm/aaaa).' });
  if (!startValid || !endValid) return { days: 0, errors, warnings };
  if (end < start) {
    errors.push({ field: 'end', message: 'La date de fin doit être le même jour que la date de début ou après.' });
    return { days: 0, errors, warnings };
  }

  const days = countLeaveDays(start, end, alsaceMoselle);

  // The leave year (1 May – 30 April).
  const year = input.leaveYear ?? leaveYearOf(start);
  const yearText = `du ${formatDayShort(year.start)} au ${formatDayShort(year.end)}`;
  if (start < year.start || start > year.end) {
    errors.push({ field: 'start', message: `Le congé doit commencer dans l’année de congés ${yearText}.` });
  }
  if (end > year.end || end < year.start) {
    errors.push({ field: 'end', message: `Le congé doit se terminer au plus tard le ${formatDayShort(year.end)}, fin de l’année de congés ${yearText}.` });
  }

  // Employment.
  if (start < hiredOn) {
    errors.push({ field: 'start', message: `Le salarié est entré dans l’entreprise le ${formatDayShort(hiredOn)} : le congé ne peut pas commencer avant.` });
  }
  if (leftOn !== null && end > leftOn) {
    errors.push({ field: 'end', message: `Le salarié a quitté l’entreprise le ${formatDayShort(leftOn)} : le congé ne peut pas se terminer après.` });
  }

  if (days === 0) {
    errors.push({ field: 'end', message: 'Cette période ne compte aucun jour ouvrable (dimanches et jours fériés ne comptent pas).' });
  }

  // No overlap with another leave of the same worker.
  const clash = existing.filter((other) => overlaps(other, { start, end })).sort((a, b) => (a.start < b.start ? -1 : 1))[0];
  if (clash) {
    errors.push({
      field: 'start',
      message: `Ce salarié a déjà un congé du ${formatDayShort(clash.start)} au ${formatDayShort(clash.end)} : les dates se chevauchent.`,
    });
  }

  // Not more than the days remaining (fractionnement days this leave would earn included).
  const candidate: ExistingLeave = { id: '', start, end, days, kind };
  if (days > 0) {
    const after = remainingDays(input.acquiredDays, [...existing, candidate]);
    if (after < 0) {
      const available = Math.max(0, after + days);
      errors.push({
        field: 'end',
        message: `Ce congé compte ${plural(days, 'jour')} ouvrable${days >= 2 ? 's' : ''}, mais il ne reste que ${plural(available, 'jour')} à ce salarié (${plural(input.acquiredDays, 'jour')} acquis).`,
      });
    }
  }

  if (kind === 'main' && days > 0) {
    const mains = [...existing.filter((l) => l.kind === 'main'), candidate];
    const mainTotal = mains.reduce((sum, l) => sum + l.days, 0);
    if (mainTotal > MAIN_LEAVE_MAX_DAYS) {
      const already = mainTotal - days;
      errors.push({
        field: 'kind',
        message:
          `Le congé principal ne peut pas dépasser ${MAIN_LEAVE_MAX_DAYS} jours ouvrables : ${plural(already, 'jour')} déjà enregistré${already >= 2 ? 's' : ''} ` +
          `et ${plural(days, 'jour')} pour ce congé. Enregistrez le reste (5e semaine) comme autre congé.`,
      });
    }

    const period = mainLeavePeriodFor(start);
    const inside = start <= period.end && end >= period.start ? countLeaveDays(start < period.start ? period.start : start, end > period.end ? period.end : end, alsaceMoselle) : 0;
    const outside = days - inside;
    if (outside > 0) {
      const earned = fractionnementDays(mains);
      warnings.push(
        `${plural(outside, 'jour')} de ce congé principal ${outside >= 2 ? 'sont pris' : 'est pris'} hors de la période du 1er mai au 31 octobre` +
          (earned > 0 ? ` : le salarié acquiert ${plural(earned, 'jour')} de fractionnement.` : '.'),
      );
    }

    // The 12 continuous days: only asked of what the worker can take (a worker with 10 days acquired takes them at once).
    const needed = Math.min(MAIN_LEAVE_MIN_CONTINUOUS_DAYS, input.acquiredDays);
    const longest = Math.max(0, ...continuousBlocks(mains, alsaceMoselle));
    if (needed > 0 && longest < needed) {
      warnings.push(
        `Le congé principal doit comprendre au moins ${needed} jours ouvrables continus : la plus longue période enregistrée en compte ${longest}.`,
      );
    }
  }

  return { days, errors, warnings };
}

/**
 * Fractionnement days earned for main-leave days taken outside 1 May – 31 October (caisse rule, explained in the body).
 *
 * The rule (Code du travail L3141-19, applied by the CIBTP caisses): when part of the main leave (the
 * first 24 days; the 5th week does not count) is taken outside the period 1 May – 31 October, the worker
 * earns 1 extra day for 3 to 5 such days, 2 extra days for 6 or more. Only leaves of kind 'main' count;
 * the days outside are counted per leave year (a leave year's window is 1 May – 31 October of its first
 * calendar year). A worker may waive these days in writing; the caisse handles waivers, not this module.
 *
 * The part of a leave inside the window is counted with the national calendar: the two Alsace-Moselle
 * holidays (Good Friday, 26 December) never fall between May and October, so the result does not depend
 * on the region, and the leave's own `days` (counted with the right region) gives the rest.
 */
export function fractionnementDays(leaves: readonly ExistingLeave[]): number {
  const outsideByYear = new Map<string, number>();
  for (const leave of leaves) {
    if (leave.kind !== 'main' || leave.days <= 0) continue;
    const period = mainLeavePeriodFor(leave.start);
    const from = leave.start < period.start ? period.start : leave.start;
    const to = leave.end > period.end ? period.end : leave.end;
    const inside = from <= to ? countLeaveDays(from, to, false) : 0;
    const outside = Math.max(0, leave.days - inside);
    outsideByYear.set(period.start, (outsideByYear.get(period.start) ?? 0) + outside);
  }
  let total = 0;
  for (const outside of outsideByYear.values()) {
    if (outside >= 6) total += 2;
    else if (outside >= 3) total += 1;
  }
  return total;
}
