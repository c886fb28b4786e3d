'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/access/schemas';
import type { WorkerRow } from '@/lib/workers/queries';
import { categoryLabels, frenchDay, workerCategories, type WorkerCategory } from '@/lib/workers/schemas';
import { buttonClass, FormMessage, TextField } from '../_components/form-bits';
import { addWorkerAction, recordExitAction, updateWorkerAction } from './actions';

/** The form starts from the worker as lib/workers reads it (a type only: nothing server-side reaches the client). */
export type WorkerDefaults = WorkerRow;

const dayHint = 'Au format JJ/MM/AAAA, par exemple 14/03/1988.';
const hoursText = (h: number) => String(h).replace('.', ',');

function CategoryFieldset({ state, defaultValue }: { state: ActionState; defaultValue?: WorkerCategory }) {
  const error = state?.fieldErrors?.category;
  const chosen = state?.values?.category ?? defaultValue;
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? 'category-erreur' : undefined}>
      <legend className="mb-1 font-semibold">Catégorie</legend>
      {error && (
        <p id="category-erreur" className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-x-6">
        {workerCategories.map((c) => (
          <label key={c} className="inline-flex min-h-11 items-center gap-2">
            <input type="radio" name="category" value={c} defaultChecked={chosen === c} className="h-5 w-5 accent-brand" />
            {categoryLabels[c]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function WorkerFields({ state, worker }: { state: ActionState; worker?: WorkerDefaults }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="lastName" label="Nom" required autoComplete="off" state={state} defaultValue={worker?.lastName} />
        <TextField name="firstName" label="Prénom" required autoComplete="off" state={state} defaultValue={worker?.firstName} />
      </div>
      <TextField name="birthDate" label="Date de naissance" required inputMode="numeric" autoComplete="off" hint={dayHint} state={state} defaultValue={worker && frenchDay(worker.birthDate)} />
      <CategoryFieldset state={state} defaultValue={worker?.category} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="hiredOn" label="Date d’embauche" required inputMode="numeric" autoComplete="off" hint={dayHint} state={state} defaultValue={worker && frenchDay(worker.hiredOn)} />
        <TextField
          name="weeklyHours"
          label="Horaire hebdomadaire contractuel (heures)"
          required
          inputMode="text"
          autoComplete="off"
          hint="Entre 1 et 48, par exemple 35 ou 35,5."
          state={state}
          defaultValue={worker ? hoursText(worker.weeklyHours) : '35'}
        />
      </div>
    </>
  );
}

export function AddWorkerForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(addWorkerAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormMessage state={state} />
      <WorkerFields state={state} />
      <TextField name="leftOn" label="Date de sortie" inputMode="numeric" autoComplete="off" hint="Seulement si le salarié a déjà quitté l’entreprise." state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Enregistrement…' : 'Ajouter le salarié'}
      </button>
    </form>
  );
}

export function EditWorkerForm({ worker }: { worker: WorkerDefaults }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateWorkerAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="workerId" value={worker.id} />
      <FormMessage state={state} />
      <WorkerFields state={state} worker={worker} />
      <TextField
        name="leftOn"
        label="Date de sortie"
        inputMode="numeric"
        autoComplete="off"
        hint="Effacez-la pour annuler une sortie enregistrée par erreur."
        state={state}
        defaultValue={worker.leftOn ? frenchDay(worker.leftOn) : ''}
      />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Enregistrement…' : 'Enregistrer les modifications'}
      </button>
    </form>
  );
}

export function RecordExitForm({ workerId }: { workerId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(recordExitAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="workerId" value={workerId} />
      <FormMessage state={state} />
      <TextField name="exitOn" label="Date de sortie" required inputMode="numeric" autoComplete="off" hint="Le dernier jour du contrat, au format JJ/MM/AAAA." state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Enregistrement…' : 'Enregistrer la sortie'}
      </button>
    </form>
  );
}
