import { formatDayLong } from '@/lib/format';
import type { KeyDate } from '@/lib/site/queries';

function when(d: KeyDate): string {
  if (d.displayDate) return d.displayDate;
  if (d.endsOn && d.endsOn !== d.startsOn) return `Du ${formatDayLong(d.startsOn)} au ${formatDayLong(d.endsOn)}`;
  return formatDayLong(d.startsOn);
}

export function KeyDatesList({ dates }: { dates: KeyDate[] }) {
  if (!dates.length) return <p>Aucune date à venir pour le moment.</p>;
  return (
    <ol className="grid gap-3 sm:grid-cols-2">
      {dates.map((d) => (
        <li key={d.id} className="rounded-md border-l-4 border-accent bg-white p-4 shadow-sm">
          <p className="text-lg font-bold uppercase text-brand-dark">
            <time dateTime={d.startsOn}>{when(d)}</time>
          </p>
          <p>{d.label}</p>
        </li>
      ))}
    </ol>
  );
}
