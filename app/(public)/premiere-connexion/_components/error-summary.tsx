'use client';

import { useEffect, useRef } from 'react';

export type SummaryError = { field: string; text: string };

/**
 * The list of what to fix, above the form. It takes the focus after each refused submission, so that
 * keyboard and screen-reader users land on it; each entry links to its field.
 */
export function ErrorSummary({
  message,
  errors,
  children,
}: {
  message?: string;
  errors: SummaryError[];
  children?: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [message, errors]);
  if (!message && errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="resume-erreurs"
      className="rounded border-l-4 border-red-700 bg-red-50 p-4 text-red-900 focus:outline-3 focus:outline-offset-2 focus:outline-accent"
    >
      <p id="resume-erreurs" className="font-bold">
        {errors.length > 0 && !message ? 'Le formulaire contient des erreurs :' : 'Ce n’est pas encore bon :'}
      </p>
      {message && <p className="mt-1">{message}</p>}
      {errors.length > 0 && (
        <ul className="mt-2 list-disc pl-5">
          {errors.map((e) => (
            <li key={e.field}>
              <a href={`#${e.field}`} className="text-red-900 underline">
                {e.text}
              </a>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

/** Field errors in the form's order, for the summary. */
export function summaryErrors(order: string[], fieldErrors: Partial<Record<string, string>> | undefined): SummaryError[] {
  if (!fieldErrors) return [];
  return order.filter((f) => fieldErrors[f]).map((f) => ({ field: f, text: fieldErrors[f]! }));
}
