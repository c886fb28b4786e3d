import type { ReactNode } from 'react';
import type { ActionState } from '@/lib/access/schemas';

// Small building blocks shared by the forms of the space (no hooks: usable from server and client components).

export function FormMessage({ state }: { state: ActionState }) {
  if (!state?.message) return null;
  return state.ok ? (
    <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-800">
      {state.message}
    </p>
  );
}

export function TextField({
  name,
  label,
  state,
  type = 'text',
  hint,
  required,
  autoComplete,
  defaultValue,
  inputMode,
}: {
  name: string;
  label: string;
  state: ActionState;
  type?: string;
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  defaultValue?: string;
  inputMode?: 'numeric' | 'email' | 'text';
}) {
  const error = state?.fieldErrors?.[name];
  const describedBy = [hint ? `${name}-aide` : null, error ? `${name}-erreur` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="font-semibold">
        {label}
        {!required && <span className="font-normal text-muted"> (facultatif)</span>}
      </label>
      {hint && (
        <p id={`${name}-aide`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <input
        id={name}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        defaultValue={state?.values?.[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-11 rounded border border-slate-500 px-3"
      />
      {error && (
        <p id={`${name}-erreur`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export const buttonClass = 'inline-flex min-h-11 items-center justify-center rounded-md bg-brand px-4 font-bold text-white hover:bg-brand-dark disabled:opacity-70';
export const secondaryButtonClass =
  'inline-flex min-h-11 items-center justify-center rounded-md border-2 border-brand bg-white px-4 font-semibold text-brand-dark hover:bg-brand-light disabled:opacity-70';
export const dangerButtonClass =
  'inline-flex min-h-11 items-center justify-center rounded-md border-2 border-red-800 bg-white px-4 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-70';
export const linkClass = 'font-semibold text-brand underline';
