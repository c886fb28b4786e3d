'use client';

import { useActionState, useEffect } from 'react';
import { FormMessage, secondaryButtonClass } from '@/app/espace/_components/form-bits';
import type { ActionState } from '@/lib/access/schemas';
import type { CsvReport } from '@/lib/declarations/schemas';
import { importCsvAction } from '../actions';

/** « Importer un fichier CSV »: the good rows go into the draft; the report lists every row by its line number. */
export function CsvImportForm({
  period,
  kind,
  onImported,
}: {
  period: string;
  kind: 'initial' | 'corrective';
  /** The draft's values after the import, for the month form above. */
  onImported: (values: CsvReport['values']) => void;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(importCsvAction, null);
  const result = state?.ok ? (state.data as CsvReport | undefined) : undefined;
  const report = result?.report;
  useEffect(() => {
    if (result) onImported(result.values);
    // Once per import answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);
  const error = state && !state.ok ? state.fieldErrors?.file : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="period" value={period} />
      <input type="hidden" name="kind" value={kind} />
      <div className="flex flex-col gap-1">
        <label htmlFor="fichier-csv" className="font-semibold">Fichier CSV</label>
        <p id="fichier-csv-aide" className="text-sm text-muted">
          Une ligne par salarié, colonnes <code>nom;prenom;heures;salaire_brut</code> (ou <code>identifiant</code> à la place du nom et du
          prénom), séparées par « ; » ou « , », décimales à la française (2 450,00).
        </p>
        <input
          id="fichier-csv"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={['fichier-csv-aide', error ? 'fichier-csv-erreur' : null].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          className="min-h-11 py-2"
        />
        {error && (
          <p id="fichier-csv-erreur" className="text-sm font-semibold text-red-800">{error}</p>
        )}
      </div>
      <button type="submit" disabled={pending} className={`${secondaryButtonClass} self-start`}>
        {pending ? 'Import en cours…' : 'Importer le fichier'}
      </button>
      {state?.ok && <FormMessage state={state} />}
      {report && report.length > 0 && (
        <ol aria-label="Rapport d’import, ligne par ligne" className="flex flex-col gap-1">
          {report.map((r) => (
            <li key={r.line} className={r.ok ? 'text-green-900' : 'font-semibold text-red-800'}>
              Ligne {r.line} – {r.label} : {r.ok ? r.text : `refusée (${r.text})`}
            </li>
          ))}
        </ol>
      )}
    </form>
  );
}
