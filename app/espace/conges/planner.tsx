'use client';

import { useActionState, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormMessage } from '@/app/espace/_components/form-bits';
import type { ActionState } from '@/lib/access/schemas';
import { countJoursOuvrables } from '@/lib/leave/calendar';
import { workerField } from '@/lib/leave/schemas';
import { registerLeaveAction } from './actions';
import s from './team.module.css';

type Worker = { id: string; name: string };
type Drag = { r0: number; c0: number; r1: number; c1: number };

const frDay = (d: string) => d.split('-').reverse().join('/');

/**
 * Days counted for the range, as the server counts them: the same jours-ouvrables rule (lib/leave/calendar,
 * which leaves the holiday library out of the browser) with the company's holiday dates sent by the server.
 */
function countOrNull(start: string, end: string, holidays: ReadonlySet<string>): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end) || end < start) return null;
  try {
    return countJoursOuvrables(start, end, holidays);
  } catch {
    return null;
  }
}

/**
 * The team view's interactive layer: one pointer handler on the wrapper for the whole table (mouse and
 * touch through pointer events), and the registration form that a drag fills in. Dragging across several
 * workers' rows selects each of them; the form, usable by keyboard alone, does the same thing.
 */
export function Planner({
  workers,
  days,
  holidays,
  canWrite,
  runNotice,
  children,
}: {
  workers: Worker[];
  days: string[];
  /** Public holiday dates of the company (its department) around the leave year shown. */
  holidays: string[];
  canWrite: boolean;
  runNotice: string;
  children: ReactNode;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [kind, setKind] = useState<'main' | 'other'>('main');
  const wrapper = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const painted = useRef<HTMLElement[]>([]);
  const frame = useRef(0);

  const holidaySet = useMemo(() => new Set(holidays), [holidays]);
  const count = useMemo(() => countOrNull(start, end, holidaySet), [start, end, holidaySet]);

  const clearPaint = () => {
    for (const el of painted.current) el.classList.remove(s.sel!);
    painted.current = [];
  };

  const paint = () => {
    frame.current = 0;
    clearPaint();
    const d = drag.current;
    const body = wrapper.current?.querySelector('tbody');
    if (!d || !body) return;
    const [ra, rb] = d.r0 <= d.r1 ? [d.r0, d.r1] : [d.r1, d.r0];
    const [ca, cb] = d.c0 <= d.c1 ? [d.c0, d.c1] : [d.c1, d.c0];
    for (let r = ra; r <= rb; r++) {
      const row = body.rows[r];
      if (!row) continue;
      for (let c = ca; c <= cb; c++) {
        const cell = row.cells[c + 1];
        if (cell) {
          cell.classList.add(s.sel!);
          painted.current.push(cell);
        }
      }
    }
  };

  const cellAt = (target: EventTarget | null): { r: number; c: number } | null => {
    const td = target instanceof Element ? target.closest('td') : null;
    if (!td || !wrapper.current?.contains(td)) return null;
    const row = td.parentElement as HTMLTableRowElement;
    if (row.parentElement?.tagName !== 'TBODY') return null;
    return { r: row.sectionRowIndex, c: td.cellIndex - 1 };
  };

  const onPointerDown = (e: React.PointerEvent) => {
    if (!canWrite || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const at = cellAt(e.target);
    if (!at) return;
    if (e.pointerType === 'mouse') e.preventDefault();
    drag.current = { r0: at.r, c0: at.c, r1: at.r, c1: at.c };
    paint();
  };

  const onPointerMove = (e: React.PointerEvent) => {
    if (!drag.current) return;
    // Touch pointers stay captured by the first cell: ask which cell is under the finger now.
    const at = cellAt(document.elementFromPoint(e.clientX, e.clientY));
    if (!at || (at.r === drag.current.r1 && at.c === drag.current.c1)) return;
    drag.current.r1 = at.r;
    drag.current.c1 = at.c;
    if (!frame.current) frame.current = requestAnimationFrame(paint);
  };

  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    const rows = wrapper.current?.querySelector('tbody')?.rows;
    const ids = new Set<string>();
    for (let r = Math.min(d.r0, d.r1); r <= Math.max(d.r0, d.r1); r++) {
      const id = rows?.[r]?.dataset.w;
      if (id) ids.add(id);
    }
    const a = days[Math.min(d.c0, d.c1)];
    const b = days[Math.max(d.c0, d.c1)];
    if (!a || !b || !ids.size) return;
    setSelected(ids);
    setStart(a);
    setEnd(b);
  };

  const onPointerCancel = () => {
    // The browser took the gesture over (vertical scroll on a phone): no selection.
    drag.current = null;
    clearPaint();
  };

  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (prev, formData) => {
    const result = await registerLeaveAction(prev, formData);
    if (result?.ok) {
      // Registered: the refreshed table draws the leaves; the selection starts afresh.
      clearPaint();
      setSelected(new Set());
      setStart('');
      setEnd('');
      // React resets the form after a successful action: the radios show their default again.
      setKind('main');
    }
    return result;
  }, null);

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const err = state?.fieldErrors ?? {};
  const names = workers.filter((w) => selected.has(w.id)).map((w) => w.name);

  return (
    <div className="flex flex-col gap-6">
      <div
        ref={wrapper}
        className={s.scroller}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        role="region"
        aria-label="Calendrier de l’équipe"
        tabIndex={0}
        data-testid="team-calendar"
      >
        {children}
      </div>

      {canWrite && (
        <section aria-labelledby="titre-enregistrer" className="no-print flex flex-col gap-4 rounded-lg bg-brand-light p-5">
          <h2 id="titre-enregistrer" className="text-xl font-bold text-brand-dark">
            Enregistrer des congés
          </h2>
          <p className="text-sm">
            Faites glisser sur la ligne d’un ou de plusieurs salariés dans le calendrier, ou remplissez ce formulaire. {runNotice}
          </p>
          <form action={formAction} className="flex flex-col gap-4" id="leave-form" noValidate>
            <fieldset className="flex flex-col gap-2" aria-describedby={err.workerIds ? 'workerIds-erreur' : undefined}>
              <legend className="font-semibold">Salarié(s)</legend>
              <div className="max-h-64 overflow-y-auto rounded border border-slate-400 bg-white p-2">
                <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
                  {workers.map((w) => (
                    <li key={w.id}>
                      <label className="flex min-h-11 items-center gap-2 px-1">
                        <input
                          type="checkbox"
                          name={workerField(w.id)}
                          checked={selected.has(w.id)}
                          onChange={(e) => toggle(w.id, e.target.checked)}
                          className="h-5 w-5"
                        />
                        {w.name}
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
              {err.workerIds && (
                <p id="workerIds-erreur" className="text-sm font-semibold text-red-800">
                  {err.workerIds}
                </p>
              )}
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              <DateField name="start" label="Premier jour de congé" value={start} onChange={setStart} error={err.start} />
              <DateField name="end" label="Dernier jour de congé" value={end} onChange={setEnd} error={err.end} />
            </div>
            <fieldset className="flex flex-col gap-1" aria-describedby={err.kind ? 'kind-erreur' : undefined}>
              <legend className="font-semibold">Type de congé</legend>
              <label className="flex min-h-11 items-center gap-2">
                <input type="radio" name="kind" value="main" checked={kind === 'main'} onChange={() => setKind('main')} className="h-5 w-5" />
                Congé principal (entre le 1er mai et le 31 octobre, 24 jours au plus)
              </label>
              <label className="flex min-h-11 items-center gap-2">
                <input type="radio" name="kind" value="other" checked={kind === 'other'} onChange={() => setKind('other')} className="h-5 w-5" />
                Autre congé (5e semaine, reliquat)
              </label>
              {err.kind && (
                <p id="kind-erreur" className="text-sm font-semibold text-red-800">
                  {err.kind}
                </p>
              )}
            </fieldset>
            <p aria-live="polite" className="font-semibold" data-testid="leave-count">
              {count === null
                ? 'Choisissez le premier et le dernier jour pour voir les jours comptés.'
                : `${count} ${count === 1 ? 'jour ouvrable compté' : 'jours ouvrables comptés'} du ${frDay(start)} au ${frDay(end)}${
                    names.length ? ` pour ${names.length === 1 ? names[0] : `${names.length} salariés`}` : ''
                  } (du lundi au samedi, hors jours fériés).`}
            </p>
            <FormMessage state={state} />
            <div>
              <button type="submit" disabled={pending} className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand px-4 font-bold text-white hover:bg-brand-dark disabled:opacity-70">
                {pending ? 'Enregistrement…' : 'Enregistrer les congés'}
              </button>
            </div>
          </form>
        </section>
      )}
    </div>
  );
}

function DateField({ name, label, value, onChange, error }: { name: string; label: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="font-semibold">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="date"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-erreur` : undefined}
        className="min-h-11 rounded border border-slate-500 bg-white px-3"
      />
      {error && (
        <p id={`${name}-erreur`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
