import 'server-only';
import type { z } from 'zod';
import { requireSession } from '@/lib/auth/current';
import type { ValidSession } from '@/lib/auth/sessions';
import { requireArea, requireFirm, type AreaContext, type FirmContext } from './context';
import type { Area, Level } from './rules';
import { fieldErrorsOf, type ActionState } from './schemas';

// Every server action of the space is built by one of these, in the house order: who is calling →
// may they (read from the database by lib/access, never from the request) → parse with zod → the
// handler does the work in one transaction, audits and revalidates. A refusal is « not found ».
// The guard is written as a literal at the call site: tests/integration/access-matrix.test.ts reads it.

/** `formData` is the raw form, for what zod does not parse (an uploaded file). */
type Handler<S extends z.ZodType, C> = (input: z.output<S>, ctx: C, formData: FormData) => Promise<ActionState>;
export type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

const SECRET_FIELDS = /password|token|code/i;

function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$ACTION')) out[key] = value;
  return out;
}

/** What the user typed, minus secrets: React resets the form after an action, the form refills from this. */
function echo(raw: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !SECRET_FIELDS.test(k)));
}

function invalid(error: z.ZodError, raw: Record<string, string>): ActionState {
  return { ok: false, message: 'Vérifiez les informations signalées.', fieldErrors: fieldErrorsOf(error), values: echo(raw) };
}

async function run<S extends z.ZodType, C>(schema: S, formData: FormData, ctx: C, handler: Handler<S, C>): Promise<ActionState> {
  const raw = formValues(formData);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const result = await handler(parsed.data, ctx, formData);
  return result && !result.ok && !result.values ? { ...result, values: echo(raw) } : result;
}

/** An action in an area of the current company (own company, or the client a firm acts for). */
export function areaAction<S extends z.ZodType>(guard: { area: Area; level: Level }, schema: S, handler: Handler<S, AreaContext>): FormAction {
  return async (_prev, formData) => {
    const ctx = await requireArea(guard.area, guard.level);
    return run(schema, formData, ctx, handler);
  };
}

/** An action of the accounting firm's own space (« Mes clients »). */
export function firmAction<S extends z.ZodType>(guard: { role: 'admin' | 'member' }, schema: S, handler: Handler<S, FirmContext>): FormAction {
  return async (_prev, formData) => {
    const ctx = await requireFirm(guard);
    return run(schema, formData, ctx, handler);
  };
}

/** An action any signed-in user may call; the handler asks lib/access about the object it touches. */
export function sessionAction<S extends z.ZodType>(schema: S, handler: Handler<S, ValidSession>): FormAction {
  return async (_prev, formData) => {
    const session = await requireSession();
    return run(schema, formData, session, handler);
  };
}
