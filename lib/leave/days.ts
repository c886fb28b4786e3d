// Calendar arithmetic of paid leave. Pure. CONTRACT (lead): signatures fixed; bodies by leave-rules.

export type DateRange = { start: string; end: string };

/** Jours ouvrables (Monday–Saturday) between start and end inclusive, minus public holidays. */
export function countLeaveDays(start: string, end: string, alsaceMoselle: boolean): number {
  void start;
  void end;
  void alsaceMoselle;
  throw new Error('not implemented yet (leave-rules)');
}

/** The leave year (1 May – 30 April) containing `day`. */
export function leaveYearOf(day: string): DateRange {
  void day;
  throw new Error('not implemented yet (leave-rules)');
}

/** The reference period (1 April – 31 March) whose hours give the rights taken in the leave year starting `leaveYearStart`. */
export function referencePeriodFor(leaveYearStart: string): DateRange {
  void leaveYearStart;
  throw new Error('not implemented yet (leave-rules)');
}
