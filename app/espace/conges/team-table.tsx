import type { CalendarDay } from '@/lib/leave/calendar';
import type { TeamView } from '@/lib/leave/queries';
import { leaveKindLabels, leaveStatusLabels } from '@/lib/leave/status';
import { formatDayShort } from '@/lib/format';
import s from './team.module.css';

const statusMark = { registered: 'E', payment_scheduled: 'P', paid: '✓' } as const;

/**
 * The month's table, rendered on the server. No listener on any cell: the planner around it handles
 * pointer events once for the whole table (rows carry the worker id, columns are the month's days).
 */
export function TeamTable({ view, days, today }: { view: TeamView; days: CalendarDay[]; today: string }) {
  const holidays = new Map(view.holidays.map((h) => [h.date, h.name]));
  // Each column's classes once per month, not once per cell.
  const columnClass = days.map((d) =>
    [s.day, holidays.has(d.date) ? s.hol : d.weekday === 0 ? s.sun : d.weekday === 6 ? s.we : '', d.date === today ? s.today : ''].filter(Boolean).join(' '),
  );
  const first = days[0]!.date;
  const last = days[days.length - 1]!.date;
  return (
    <table className={s.grid} data-days={days.map((d) => d.date).join(',')}>
      <caption className="sr-only">
        Congés des salariés, une ligne par salarié, une colonne par jour. Les jours fériés et les dimanches sont grisés.
      </caption>
      <thead>
        <tr>
          <th scope="col" className={s.corner}>
            Salarié
          </th>
          {days.map((d, i) => {
            const holiday = holidays.get(d.date);
            return (
              <th key={d.date} scope="col" className={d.date === today ? `${s.today} ${columnClass[i]}` : columnClass[i]} title={holiday}>
                <span aria-hidden="true">{d.weekdayName.slice(0, 1).toUpperCase()}</span>
                <br />
                <span className="sr-only">{d.weekdayName} </span>
                {d.dayOfMonth}
                {holiday && <span className="sr-only"> ({holiday}, férié)</span>}
                {d.date === today && <span className="sr-only"> (aujourd’hui)</span>}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {view.workers.map((w) => {
          const cells: (string | null)[] = new Array(days.length).fill(null);
          const labels: (string | null)[] = new Array(days.length).fill(null);
          for (const l of w.leaves) {
            const from = l.start < first ? 0 : days.findIndex((d) => d.date === l.start);
            const to = l.end > last ? days.length - 1 : days.findIndex((d) => d.date === l.end);
            for (let i = from; i <= to; i++) cells[i] = l.status;
            labels[from] = `${leaveKindLabels[l.kind]} du ${formatDayShort(l.start)} au ${formatDayShort(l.end)}, ${l.days} jours : ${leaveStatusLabels[l.status].toLowerCase()}`;
          }
          return (
            <tr key={w.id} data-w={w.id}>
              <th scope="row" className={s.name}>
                <a href={`/espace/conges/salaries/${w.id}`}>
                  {w.lastName} {w.firstName}
                </a>
              </th>
              {cells.map((status, i) =>
                status ? (
                  <td key={i} className={`${columnClass[i]} ${s[status]}`}>
                    <span aria-hidden="true">{statusMark[status as keyof typeof statusMark]}</span>
                    {labels[i] && <span className="sr-only">{labels[i]}</span>}
                  </td>
                ) : (
                  <td key={i} className={columnClass[i]} />
                ),
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function Legend() {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm" aria-label="Légende">
      <li>
        <span className={`${s.swatch} ${s.registered}`} /> E : enregistré
      </li>
      <li>
        <span className={`${s.swatch} ${s.payment_scheduled}`} /> P : paiement programmé
      </li>
      <li>
        <span className={`${s.swatch} ${s.paid}`} /> ✓ : payé
      </li>
      <li>
        <span className={`${s.swatch} ${s.hol}`} /> jour férié
      </li>
      <li>
        <span className={`${s.swatch} ${s.sun}`} /> dimanche
      </li>
      <li>
        <span className={`${s.swatch} ${s.today}`} /> aujourd’hui
      </li>
    </ul>
  );
}

export const selectedClass = s.sel;
