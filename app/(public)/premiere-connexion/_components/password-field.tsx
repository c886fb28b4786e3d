'use client';

import { useEffect, useRef, useState } from 'react';
import type { PasswordPolicyResult } from '@/lib/auth/password-policy';

type Policy = typeof import('@/lib/auth/password-policy');
let policyModule: Promise<Policy> | undefined;
/** zxcvbn and its dictionaries (~1 MB) load only once someone starts typing a password. */
function loadPolicy(): Promise<Policy> {
  policyModule ??= import('@/lib/auth/password-policy');
  return policyModule;
}

const segments = [0, 1, 2, 3];
const barColour = ['bg-red-700', 'bg-red-700', 'bg-amber-600', 'bg-green-700', 'bg-green-800'];

/**
 * A password input with a show/hide toggle and, optionally, a live strength meter. The meter says its
 * verdict in words (the bar is decoration) and is announced politely, after a pause in typing.
 */
export function PasswordField({
  id,
  label,
  hint,
  error,
  autoComplete,
  userInputs,
  withMeter = false,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  autoComplete: string;
  userInputs?: string[];
  withMeter?: boolean;
}) {
  const [visible, setVisible] = useState(false);
  const [value, setValue] = useState('');
  const [result, setResult] = useState<PasswordPolicyResult | null>(null);
  const inputsKey = (userInputs ?? []).join('\u0000');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!withMeter) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      if (!value) return setResult(null);
      const { checkPasswordPolicy } = await loadPolicy();
      setResult(checkPasswordPolicy(value, inputsKey ? inputsKey.split('\u0000') : []));
    }, 350);
    return () => clearTimeout(timer.current);
  }, [value, inputsKey, withMeter]);

  const meterId = `${id}-robustesse`;
  const describedBy = [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null, withMeter ? meterId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-aide`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-erreur`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-stretch gap-2">
        <input
          id={id}
          name={id}
          type={visible ? 'text' : 'password'}
          autoComplete={autoComplete}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onFocus={withMeter ? () => void loadPolicy() : undefined}
          onChange={(e) => setValue(e.target.value)}
          className={`min-h-11 min-w-0 flex-1 basis-48 rounded border px-3 text-base ${error ? 'border-2 border-red-700' : 'border-slate-500'}`}
        />
        <button
          type="button"
          aria-pressed={visible}
          aria-controls={id}
          onClick={() => setVisible((v) => !v)}
          className={`min-h-11 rounded-md border border-brand px-3 text-sm font-semibold text-brand-dark hover:bg-brand-light ${visible ? 'bg-brand-light' : 'bg-white'}`}
        >
          Afficher
          <span className="sr-only"> {label === 'Mot de passe' ? 'le mot de passe' : `la ${label.toLowerCase()}`}</span>
        </button>
      </div>
      {withMeter && (
        <div id={meterId} aria-live="polite" className="mt-1 min-h-6 text-sm">
          {result && (
            <>
              <div aria-hidden="true" className="flex gap-1">
                {segments.map((i) => (
                  <span key={i} className={`h-2 flex-1 rounded ${i < Math.max(result.score, 1) ? barColour[result.score] : 'bg-slate-200'}`} />
                ))}
              </div>
              <p className="mt-1">
                Robustesse : <strong>{result.label}</strong>
                {result.ok ? ' — ce mot de passe convient.' : ' — ce mot de passe ne convient pas encore.'}
              </p>
              {!result.ok && result.feedback.length > 0 && (
                <ul className="list-disc pl-5 text-muted">
                  {result.feedback.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
