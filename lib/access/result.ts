// Expected refusals of a mutation (last administrator, expired link …) travel as values, not exceptions,
// so actions can show them on the right field; thrown inside a transaction they roll it back first.

export type MutationResult<T = undefined> = { ok: true; value: T } | { ok: false; code: string; message: string; field?: string };

export class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export async function attempt<T>(work: () => Promise<T>): Promise<MutationResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, code: err.code, message: err.message, field: err.field };
    throw err;
  }
}

/** Who does it (recorded in the audit log with the subject organisation). */
export type Actor = { actorUserId: string; actorOrganisationId: string | null; ip?: string | null; userAgent?: string | null };
