import type { InputHTMLAttributes, ReactNode } from 'react';

// Small form building blocks of the space: a visible label, an optional hint and the field's error,
// tied to the input with aria-describedby / aria-invalid so screen readers announce them.

type TextFieldProps = {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextField({ id, label, error, hint, className, ...input }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`min-h-11 rounded border border-slate-500 px-3 ${className ?? ''}`}
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** The form's overall outcome: an error (role=alert) or a confirmation (role=status). */
export function FormMessage({ ok, message }: { ok?: boolean; message?: string }) {
  if (!message) return null;
  return ok ? (
    <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
      {message}
    </p>
  ) : (
    <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-800">
      {message}
    </p>
  );
}

export function SubmitButton({ pending, children, pendingLabel, variant = 'primary' }: { pending: boolean; children: ReactNode; pendingLabel: string; variant?: 'primary' | 'secondary' }) {
  const look =
    variant === 'primary'
      ? 'bg-brand text-white hover:bg-brand-dark'
      : 'border border-brand bg-white text-brand-dark hover:bg-brand-light';
  return (
    <button type="submit" disabled={pending} className={`min-h-11 rounded-md px-4 font-bold disabled:opacity-70 ${look}`}>
      {pending ? pendingLabel : children}
    </button>
  );
}
