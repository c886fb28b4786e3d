import 'server-only';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { currentRequestInfo, getSessionAnyGate } from './current';
import { sessionGate, type SessionGate, type ValidSession } from './sessions';

/** What a server action hands back to useActionState. Never echoes a password. */
export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message?: string; fieldErrors?: Partial<Record<string, string>>; values?: Partial<Record<string, string>> }
  | null;

/** Never sent back to the browser, even to refill a form. */
const secretField = /password|confirmation|code|token/i;

/**
 * The non-secret fields as typed, for the form's `defaultValue`s: React resets a form after its action,
 * and a refused form must not lose what the user typed (passwords and codes are typed again).
 */
export function echoedValues(formData: FormData): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !secretField.test(key)) out[key] = value.slice(0, 300);
  }
  return out;
}

export type ActionContext = { session: ValidSession; db: Db; ip: string; userAgent: string };

/** First message per field of a zod failure. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Builds a server action of the space, in the house order: who is calling (the session, checked in the
 * database) → parse the form with zod → the handler does the work (in its own transaction) and audits.
 * Without a usable session the caller goes to the login page. `allow` admits sessions still at a
 * sign-in step (second factor pending, enrolment required) for the actions of those steps.
 */
export function authedAction<Schema extends z.ZodType, T = undefined>(
  schema: Schema,
  handler: (ctx: ActionContext, input: z.infer<Schema>) => Promise<ActionState<T>>,
  options: { allow?: SessionGate[] } = {},
): (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>> {
  return async (_prev, formData) => {
    const session = await getSessionAnyGate();
    if (!session) redirect('/connexion');
    const gate = sessionGate(session);
    if (gate !== 'ok' && !options.allow?.includes(gate)) redirect('/espace');
    const raw: Record<string, FormDataEntryValue> = {};
    for (const [key, value] of formData.entries()) if (!key.startsWith('$ACTION')) raw[key] = value;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values: echoedValues(formData) };
    const { ip, userAgent } = await currentRequestInfo();
    const result = await handler({ session, db: await getDb(), ip, userAgent }, parsed.data);
    return result && !result.ok ? { ...result, values: echoedValues(formData) } : result;
  };
}

/** « réessayez dans 12 minutes » */
export function retryDelayText(seconds: number | undefined): string {
  const minutes = Math.max(1, Math.ceil((seconds ?? 60) / 60));
  return `réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}`;
}
