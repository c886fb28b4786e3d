/** The code form of /verifier (a plain GET form: works without JavaScript, big and phone-first). */
export function VerificationCodeForm({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <form action="/verifier" method="get" className="flex flex-col gap-3" noValidate>
      <label htmlFor="code" className="text-lg font-bold">
        Code de vérification
      </label>
      <p id="code-aide" className="text-muted">
        16 caractères imprimés sous le QR code, par exemple <span className="whitespace-nowrap font-mono">7KQ2-M9XD-4TFA-RC38</span>. Tirets, espaces et minuscules sont acceptés.
      </p>
      {error && (
        <p id="code-erreur" className="rounded border-l-4 border-red-700 bg-red-50 p-3 font-semibold text-red-800">
          {error}
        </p>
      )}
      <input
        id="code"
        name="code"
        type="text"
        inputMode="text"
        autoCapitalize="characters"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        maxLength={40}
        required
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'code-erreur code-aide' : 'code-aide'}
        className="min-h-16 w-full rounded-md border-2 border-slate-500 px-3 font-mono text-xl uppercase tracking-wide sm:px-4 sm:text-3xl sm:tracking-widest"
        placeholder="XXXX-XXXX-XXXX-XXXX"
      />
      <button type="submit" className="min-h-14 rounded-md bg-brand px-6 text-xl font-bold text-white hover:bg-brand-dark">
        Vérifier
      </button>
    </form>
  );
}
