import { areaLabels, delegableAreas, levelLabels, type AreaGrants } from '@/lib/access/rules';

/**
 * One radio group per area: Aucun / Consultation / Saisie. Plain HTML (works without JavaScript, a
 * fieldset + legend per area for screen readers); used by invitations, rights and delegations.
 */
/** The choices typed before an error (React resets the form after each action), else the stored ones. */
export function grantsFromValues(values: Record<string, string> | undefined, fallback: AreaGrants = {}): AreaGrants {
  if (!values) return fallback;
  const out: AreaGrants = {};
  for (const area of delegableAreas) {
    const v = values[`right_${area}`];
    if (v === 'read' || v === 'write') out[area] = v;
  }
  return out;
}

export function RightsFieldset({ legend, defaults = {}, error, idPrefix = 'droit' }: { legend: string; defaults?: AreaGrants; error?: string; idPrefix?: string }) {
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={error ? `${idPrefix}-erreur` : undefined}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      {error && (
        <p id={`${idPrefix}-erreur`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      {delegableAreas.map((area) => (
        <fieldset key={area} className="rounded border border-slate-300 p-3">
          <legend className="px-1 font-semibold text-brand-dark">{areaLabels[area]}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-1">
            {(['none', 'read', 'write'] as const).map((level) => (
              <label key={level} className="inline-flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name={`right_${area}`}
                  value={level}
                  defaultChecked={(defaults[area] ?? 'none') === level}
                  className="h-5 w-5 accent-brand"
                />
                {levelLabels[level]}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}
