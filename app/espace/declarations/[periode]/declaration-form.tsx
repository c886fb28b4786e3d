'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { buttonClass, FormMessage, secondaryButtonClass } from '@/app/espace/_components/form-bits';
import type { ActionState } from '@/lib/access/schemas';
import {
  computeDeclaration,
  contributionCents,
  describeDelta,
  formatHours,
  parseHoursHundredths,
  parseWagesCents,
  type LineInput,
} from '@/lib/declarations/rules';
import type { SendConfirmation } from '@/lib/declarations/schemas';
import { formatEuros } from '@/lib/format';
import { submitDeclarationAction } from '../actions';
import { CsvImportForm } from './csv-import-form';

type Worker = {
  id: string;
  lastName: string;
  firstName: string;
  category: 'ouvrier' | 'etam' | 'cadre';
  rateBasisPoints: number | null;
};
type Values = Record<string, { hours: string; wages: string }>;

const categoryLabels = {
  ouvrier: 'ouvrier',
  etam: 'ETAM',
  cadre: 'cadre',
} as const;
const AUTOSAVE_DELAY_MS = 1000;

function formatRate(bp: number): string {
  return `${(bp / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2 })} %`;
}

function lineOf(w: Worker, v: { hours: string; wages: string } | undefined): LineInput | null {
  if (!v || w.rateBasisPoints === null) return null;
  const hours = parseHoursHundredths(v.hours);
  const wages = parseWagesCents(v.wages);
  return hours.ok && wages.ok
    ? {
        workerId: w.id,
        hoursHundredths: hours.hundredths,
        grossWagesCents: wages.hundredths,
        rateBasisPoints: w.rateBasisPoints,
      }
    : null;
}

/**
 * The month's lines: hours and gross wages per worker, the contribution per line and in total computed
 * as the user types (the server recomputes on sending). The draft saves itself (a second after the last
 * keystroke, and when a field is left) and with « Enregistrer le brouillon », which works without
 * JavaScript like the rest of the form.
 */
export function DeclarationForm({
  period,
  periodLabel,
  pagePath,
  kind,
  idempotencyKey,
  workers,
  initialValues,
  savedLabel,
  previous,
}: {
  period: string;
  periodLabel: string;
  pagePath: string;
  kind: 'initial' | 'corrective';
  idempotencyKey: string;
  workers: Worker[];
  initialValues: Values;
  savedLabel: string | null;
  previous: { number: string; totalContributionCents: number } | null;
}) {
  // The page re-renders on the server after actions (the session cookie slides): the form keeps its own
  // state and never remounts, so nothing typed is lost; an import hands its new values over explicitly.
  const [state, formAction, pending] = useActionState<ActionState, FormData>(submitDeclarationAction, null);
  const [values, setValues] = useState<Values>(() => {
    // After a refused post without JavaScript, the page comes back with what was typed.
    const echoed = state?.values;
    if (!echoed) return initialValues;
    const out: Values = {};
    for (const w of workers)
      out[w.id] = {
        hours: echoed[`hours_${w.id}`] ?? '',
        wages: echoed[`wages_${w.id}`] ?? '',
      };
    return out;
  });
  const [autoStatus, setAutoStatus] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<ActionState>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** One save at a time, in order: a slow answer never lets an older snapshot overwrite a newer one. */
  const chain = useRef<Promise<void>>(Promise.resolve());
  function save(): Promise<void> {
    clearTimeout(timer.current);
    chain.current = chain.current.then(saveNow);
    return chain.current;
  }

  async function saveNow() {
    if (!dirty.current || !formRef.current) return;
    dirty.current = false;
    const fd = new FormData(formRef.current);
    fd.set('intent', 'draft');
    try {
      const res = await submitDeclarationAction(null, fd);
      // A change typed meanwhile is still to be saved: say so only once it is.
      if (res?.ok && res.message) {
        if (!dirty.current) setAutoStatus(res.message);
      } else {
        dirty.current = true;
        setAutoStatus(res?.message ?? 'Le brouillon n’a pas pu être enregistré.');
      }
    } catch {
      dirty.current = true;
      setAutoStatus('Brouillon non enregistré : vérifiez votre connexion, puis réessayez.');
    }
  }

  function change(id: string, field: 'hours' | 'wages', value: string) {
    setValues((v) => ({
      ...v,
      [id]: {
        hours: v[id]?.hours ?? '',
        wages: v[id]?.wages ?? '',
        [field]: value,
      },
    }));
    setDismissed(state);
    dirty.current = true;
    setAutoStatus('Modifications en cours d’enregistrement…');
    clearTimeout(timer.current);
    timer.current = setTimeout(save, AUTOSAVE_DELAY_MS);
  }

  useEffect(() => {
    // Leaving the page with a change not yet saved: save it now, and let the browser ask.
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      void save();
      event.preventDefault();
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') void save();
    };
    window.addEventListener('beforeunload', onLeave);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      document.removeEventListener('visibilitychange', onHide);
      clearTimeout(timer.current);
    };
    // save reads refs only; registering once is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const confirmation = state?.ok && state !== dismissed ? ((state.data as SendConfirmation | undefined)?.confirm ?? null) : null;
  useEffect(() => {
    if (confirmation) confirmRef.current?.focus();
  }, [confirmation]);

  const computed = workers.map((w) => ({
    worker: w,
    line: lineOf(w, values[w.id]),
  }));
  const { totals } = computeDeclaration(computed.flatMap((c) => (c.line ? [c.line] : [])));
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const draftMessage = state?.ok && !confirmation && (state.data as { savedAt?: string } | undefined)?.savedAt ? state.message : null;
  const status = autoStatus ?? draftMessage ?? savedLabel;
  const sendLabel = kind === 'corrective' ? 'Envoyer la déclaration rectificative' : 'Envoyer la déclaration';

  function imported(next: Values) {
    setValues(next);
    setAutoStatus(null);
    setDismissed(state);
  }

  return (
    <>
      <form ref={formRef} action={formAction} className="flex flex-col gap-5" noValidate>
        <input type="hidden" name="period" value={period} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {state && !state.ok && <FormMessage state={state} />}

        <ul className="flex flex-col gap-3">
          {computed.map(({ worker: w, line }) => {
            const hoursId = `hours_${w.id}`;
            const wagesId = `wages_${w.id}`;
            const v = values[w.id] ?? { hours: '', wages: '' };
            return (
              <li key={w.id}>
                <fieldset className="rounded-lg border border-slate-300 p-3">
                  <legend className="px-1 font-bold">
                    {w.lastName} {w.firstName}
                  </legend>
                  <p className="text-sm text-muted">
                    {categoryLabels[w.category]}
                    {w.rateBasisPoints !== null && <> · taux {formatRate(w.rateBasisPoints)}</>}
                  </p>
                  <div className="mt-2 grid gap-3 sm:grid-cols-3 sm:items-start">
                    <div className="flex flex-col gap-1">
                      <label htmlFor={hoursId} className="font-semibold">
                        Heures travaillées
                      </label>
                      <input
                        id={hoursId}
                        name={hoursId}
                        inputMode="decimal"
                        autoComplete="off"
                        value={v.hours}
                        onChange={(e) => change(w.id, 'hours', e.target.value)}
                        onBlur={() => void save()}
                        aria-invalid={errors[hoursId] ? true : undefined}
                        aria-describedby={errors[hoursId] ? `${hoursId}-erreur` : undefined}
                        className="min-h-11 rounded border border-slate-500 px-3"
                      />
                      {errors[hoursId] && (
                        <p id={`${hoursId}-erreur`} className="text-sm font-semibold text-red-800">
                          {errors[hoursId]}
                        </p>
                      )}
                    </div>
                    <div className="flex flex-col gap-1">
                      <label htmlFor={wagesId} className="font-semibold">
                        Salaire brut (€)
                      </label>
                      <input
                        id={wagesId}
                        name={wagesId}
                        inputMode="decimal"
                        autoComplete="off"
                        value={v.wages}
                        onChange={(e) => change(w.id, 'wages', e.target.value)}
                        onBlur={() => void save()}
                        aria-invalid={errors[wagesId] ? true : undefined}
                        aria-describedby={errors[wagesId] ? `${wagesId}-erreur` : undefined}
                        className="min-h-11 rounded border border-slate-500 px-3"
                      />
                      {errors[wagesId] && (
                        <p id={`${wagesId}-erreur`} className="text-sm font-semibold text-red-800">
                          {errors[wagesId]}
                        </p>
                      )}
                    </div>
                    <p className="flex flex-col gap-1">
                      <span className="font-semibold">Cotisation</span>
                      <span className="min-h-11 py-2" data-testid={`cotisation-${w.id}`}>
                        {line ? formatEuros(contributionCents(line.grossWagesCents, line.rateBasisPoints)) : '—'}
                      </span>
                    </p>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ul>

        <section aria-labelledby="titre-totaux" className="rounded-lg bg-brand-light p-4">
          <h2 id="titre-totaux" className="text-lg font-bold text-brand-dark">
            Totaux de la déclaration
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt>Lignes complètes</dt>
            <dd className="font-semibold">
              {totals.lines} sur {workers.length}
            </dd>
            <dt>Heures travaillées</dt>
            <dd className="font-semibold">{formatHours(totals.hoursHundredths)}</dd>
            <dt>Salaires bruts</dt>
            <dd className="font-semibold">{formatEuros(totals.wagesCents)}</dd>
            <dt>Cotisation</dt>
            <dd className="text-lg font-bold" data-testid="total-cotisation">
              {formatEuros(totals.contributionCents)}
            </dd>
            {previous && (
              <>
                <dt>Déclaré précédemment</dt>
                <dd>
                  {formatEuros(previous.totalContributionCents)} (déclaration {previous.number})
                </dd>
                <dt>Écart</dt>
                <dd className="font-semibold">{describeDelta(totals.contributionCents - previous.totalContributionCents)}</dd>
              </>
            )}
          </dl>
          <p className="mt-2 text-sm text-muted">
            Montants indicatifs : la caisse recalcule chaque ligne à l’envoi, avec le taux en vigueur pour {periodLabel}.
          </p>
        </section>

        <p aria-live="polite" className="text-sm font-semibold text-green-900">
          {status}
        </p>

        {confirmation ? (
          <section aria-labelledby="titre-confirmation" className="flex flex-col gap-3 rounded-lg border-2 border-accent bg-amber-50 p-4">
            <h2 id="titre-confirmation" ref={confirmRef} tabIndex={-1} className="text-xl font-bold text-brand-dark">
              Confirmer l’envoi
            </h2>
            <p>
              Vous allez envoyer {kind === 'corrective' ? 'une déclaration rectificative' : 'la déclaration'} de {periodLabel} : {confirmation.lines}{' '}
              ligne
              {confirmation.lines > 1 ? 's' : ''}, {formatHours(confirmation.hoursHundredths)}, {formatEuros(confirmation.wagesCents)} de salaires
              bruts, soit une cotisation de <strong>{formatEuros(confirmation.contributionCents)}</strong>.
            </p>
            {confirmation.previousContributionCents !== null && (
              <p>
                Ses totaux remplaceront ceux de la déclaration précédente ({formatEuros(confirmation.previousContributionCents)}) :{' '}
                <strong>{describeDelta(confirmation.contributionCents - confirmation.previousContributionCents)}</strong>.
              </p>
            )}
            <p className="font-semibold">L’envoi est définitif : une erreur se corrige ensuite par une déclaration rectificative.</p>
            <div className="flex flex-wrap gap-3">
              <button type="submit" name="intent" value="confirm" disabled={pending} className={buttonClass}>
                {pending ? 'Envoi en cours…' : 'Confirmer l’envoi'}
              </button>
              <a href={pagePath} className={secondaryButtonClass}>
                Annuler
              </a>
            </div>
          </section>
        ) : (
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="draft" disabled={pending} onClick={() => setAutoStatus(null)} className={secondaryButtonClass}>
              Enregistrer le brouillon
            </button>
            <button type="submit" name="intent" value="send" disabled={pending} className={buttonClass}>
              {pending ? 'Vérification…' : sendLabel}
            </button>
          </div>
        )}
      </form>
      <details className="rounded-lg border border-slate-300 p-4">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-dark">Importer les lignes depuis un fichier CSV</summary>
        <CsvImportForm period={period} kind={kind} onImported={imported} />
      </details>
    </>
  );
}
