// Rules a leave registration must meet. Pure. CONTRACT (lead): signatures fixed; bodies by leave-rules.

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

/** Inside the leave year; ≤ days remaining; no overlap; not before hire / after exit; main leave ≤ 24 days between 1 May and 31 October (warning when < 12 continuous days). */
export function checkLeave(input: LeaveCheckInput): LeaveCheck {
  void input;
  throw new Error('not implemented yet (leave-rules)');
}

/** Fractionnement days earned for main-leave days taken outside 1 May – 31 October (caisse rule, explained in the body). */
export function fractionnementDays(leaves: readonly ExistingLeave[]): number {
  void leaves;
  throw new Error('not implemented yet (leave-rules)');
}
