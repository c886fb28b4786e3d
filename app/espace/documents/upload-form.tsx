'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { TextField, buttonClass } from '@/app/espace/_components/form-bits';
import type { ActionState } from '@/lib/access/schemas';
import { MAX_UPLOAD_BYTES, MAX_TITLE_LENGTH, uploadErrors } from '@/lib/documents/rules';

type Outcome = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/**
 * « Déposer un document »: a plain multipart form posted to the route handler (works without
 * JavaScript: the answer is a redirect back here with the outcome); with JavaScript, sent by XHR so
 * that a progress bar shows the upload, and the list refreshes in place.
 */
export function UploadForm({ uploadUrl, initial }: { uploadUrl: string; initial: ActionState }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<ActionState>(initial);
  const [progress, setProgress] = useState<number | null>(null);
  const fileError = state?.fieldErrors?.fichier;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get('fichier');
    // A file the server would refuse for its size is not sent at all (the server checks again).
    if (file instanceof File && file.size > MAX_UPLOAD_BYTES) {
      setState({ ok: false, message: 'Le document n’a pas été déposé.', fieldErrors: { fichier: uploadErrors.file_too_large.message }, values: { titre: String(data.get('titre') ?? '') } });
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadUrl);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      setProgress(null);
      const answer = (xhr.response ?? null) as Outcome | null;
      if (xhr.status === 201 && answer?.ok) {
        formRef.current?.reset();
        setState({ ok: true, message: answer.message });
        router.refresh();
      } else if (answer && answer.ok === false) {
        setState({ ok: false, message: answer.message, fieldErrors: answer.fieldErrors, values: answer.values });
      } else {
        setState({ ok: false, message: 'Le document n’a pas pu être déposé. Rechargez la page puis réessayez.', values: { titre: String(data.get('titre') ?? '') } });
      }
    };
    xhr.onerror = xhr.onabort = () => {
      setProgress(null);
      setState({ ok: false, message: 'Le document n’a pas été déposé.', fieldErrors: { fichier: uploadErrors.interrupted.message }, values: { titre: String(data.get('titre') ?? '') } });
    };
    setState(null);
    setProgress(0);
    xhr.send(data);
  }

  const pending = progress !== null;
  return (
    <form ref={formRef} action={uploadUrl} method="post" encType="multipart/form-data" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {state?.message && (
        <p role={state.ok ? 'status' : 'alert'} className={`rounded border-l-4 p-3 ${state.ok ? 'border-green-700 bg-green-50 text-green-900' : 'border-red-700 bg-red-50 text-red-800'}`}>
          {state.message}
        </p>
      )}
      <TextField key={`titre-${state?.values?.titre ?? ''}`} name="titre" label="Titre du document" state={state} required hint={`Par exemple « Kbis 2026 » (${MAX_TITLE_LENGTH} caractères au plus).`} />
      <div className="flex flex-col gap-1">
        <label htmlFor="fichier" className="font-semibold">
          Fichier
        </label>
        <p id="fichier-aide" className="text-sm text-muted">
          PDF, JPEG ou PNG, 10 Mo au plus. Le fichier est chiffré dès sa réception.
        </p>
        <input
          id="fichier"
          name="fichier"
          type="file"
          required
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? 'fichier-aide fichier-erreur' : 'fichier-aide'}
          className="min-h-11 max-w-full rounded border border-slate-500 bg-white p-2 file:mr-3 file:min-h-9 file:rounded file:border-0 file:bg-brand-light file:px-3 file:font-semibold file:text-brand-dark"
        />
        {fileError && (
          <p id="fichier-erreur" className="text-sm font-semibold text-red-800">
            {fileError}
          </p>
        )}
      </div>
      {pending && (
        <div className="flex flex-col gap-1">
          <label htmlFor="progression" className="font-semibold">
            Envoi du fichier : {progress} %
          </label>
          <progress id="progression" max={100} value={progress} className="h-3 w-full accent-brand" />
        </div>
      )}
      <button type="submit" disabled={pending} className={`${buttonClass} sm:self-start`}>
        {pending ? 'Envoi en cours…' : 'Déposer le document'}
      </button>
    </form>
  );
}
