'use client';

/** « Imprimer »: the team view has a print stylesheet (A4 landscape, no navigation). */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex min-h-11 items-center justify-center rounded-md border-2 border-brand bg-white px-4 font-semibold text-brand-dark hover:bg-brand-light"
    >
      Imprimer
    </button>
  );
}
