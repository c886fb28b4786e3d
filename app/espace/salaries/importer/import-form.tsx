'use client';

import { useActionState } from 'react';
import { buttonClass, FormMessage } from '../../_components/form-bits';
import { importWorkersAction, type ImportState } from '../actions';

function Report({ state }: { state: ImportState }) {
  const report = state?.report;
  if (!report) return null;
  const rejected = report.rows.filter((r) => !r.imported);
  return (
    <section aria-labelledby="titre-rapport" className="flex flex-col gap-3">
      <h2 id="titre-rapport" className="text-xl font-bold text-brand-dark">Rapport d’import</h2>
      <p>
        {report.imported} ligne{report.imported > 1 ? 's' : ''} importée{report.imported > 1 ? 's' : ''} · {report.rejected} ligne
        {report.rejected > 1 ? 's' : ''} refusée{report.rejected > 1 ? 's' : ''}
      </p>
      {rejected.length > 0 && (
        <>
          <h3 className="text-lg font-bold">Lignes refusées (rien n’a été importé de ces lignes)</h3>
          <ul className="flex flex-col gap-2">
            {rejected.map((r) => (
              <li key={r.line} className="rounded border-l-4 border-red-700 bg-red-50 p-3">
                <p className="font-semibold">
                  Ligne {r.line}
                  {r.label && <> : {r.label}</>}
                </p>
                <ul className="list-disc pl-6">
                  {r.errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.imported > 0 && (
        <details className="rounded border border-slate-300 p-3">
          <summary className="min-h-11 cursor-pointer content-center font-semibold">Lignes importées ({report.imported})</summary>
          <ul className="mt-2 list-disc pl-6">
            {report.rows
              .filter((r) => r.imported)
              .map((r) => (
                <li key={r.line}>
                  Ligne {r.line} : {r.label}
                </li>
              ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export function ImportWorkersForm() {
  const [state, action, pending] = useActionState<ImportState, FormData>(importWorkersAction as (prev: ImportState, formData: FormData) => Promise<ImportState>, null);
  const error = state?.fieldErrors?.fichier;
  return (
    <div className="flex flex-col gap-6">
      <form action={action} className="flex flex-col gap-4">
        <FormMessage state={state} />
        <div className="flex flex-col gap-1">
          <label htmlFor="fichier" className="font-semibold">
            Fichier CSV des salariés
          </label>
          <p id="fichier-aide" className="text-sm text-muted">
            Séparateur point-virgule ou virgule, encodage UTF-8, 500 Ko au plus.
          </p>
          <input
            id="fichier"
            name="fichier"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'fichier-aide fichier-erreur' : 'fichier-aide'}
            className="min-h-11 rounded border border-slate-500 p-2"
          />
          {error && (
            <p id="fichier-erreur" className="text-sm font-semibold text-red-800">
              {error}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? 'Import en cours…' : 'Importer'}
        </button>
      </form>
      <Report state={state} />
    </div>
  );
}
