import type { CalendarDay } from '@/lib/leave/month-grid';
import type { TeamView } from '@/lib/leave/queries';
import { leaveKindLabels, leaveStatusLabels } from '@/lib/leave/status';
import { formatDayShort } from '@/lib/format';
import { escapeHtml } from '@/lib/html';
import s from './team.module.css';

const statusMark = { registered: 'E', payment_scheduled: 'P', paid: '✓' } as const;

/**
 * The month's table, rendered on the server. No listener on any cell: the planner around it handles
 * pointer events once for the whole table (rows carry the worker id, columns are the month's days).
 * Speed (300 workers × 31 days): weekends, holidays and today are styled once per column (<col>), so an
 * empty day is a bare <td>; each row's cells are written as one escaped HTML string, so React handles
 * one element per worker instead of thirty-two (and the RSC payload carries a string, not 9,000 nodes).
 */
export function TeamTable({ view, days, today }: { view: TeamView; days: CalendarDay[]; today: string }) {
  const holidays = new Map(view.holidays.map((h) => [h.date, h.name]));
  const columnClass = days.map((d) =>
    [holidays.has(d.date) ? s.hol : d.weekday === 0 ? s.sun : d.weekday === 6 ? s.we : '', d.date === today ? s.today : ''].filter(Boolean).join(' ') || undefined,
  );
  const first = days[0]!.date;
  const last = days[days.length - 1]!.date;
  const index = new Map(days.map((d, i) => [d.date, i]));
  return (
    <table className={s.grid}>
      <caption className="sr-only">
        Congés des salariés, une ligne par salarié, une colonne par jour. Les jours fériés et les dimanches sont grisés.
      </caption>
      <colgroup>
        <col className={s.nameCol} />
        {days.map((d, i) => (
          <col key={d.date} className={columnClass[i]} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className={s.corner}>
            Salarié
          </th>
          {days.map((d, i) => {
            const holiday = holidays.get(d.date);
            return (
              <th key={d.date} scope="col" className={columnClass[i]} title={holiday}>
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
          const cells: (keyof typeof statusMark | null)[] = new Array(days.length).fill(null);
          const labels: (string | null)[] = new Array(days.length).fill(null);
          for (const l of w.leaves) {
            const from = l.start < first ? 0 : index.get(l.start)!;
            const to = l.end > last ? days.length - 1 : index.get(l.end)!;
            for (let i = from; i <= to; i++) cells[i] = l.status;
            labels[from] = `${leaveKindLabels[l.kind]} du ${formatDayShort(l.start)} au ${formatDayShort(l.end)}, ${l.days} jours : ${leaveStatusLabels[l.status].toLowerCase()}`;
          }
          let html = `<th scope="row" class="${s.name}"><a href="/espace/conges/salaries/${w.id}">${escapeHtml(`${w.lastName} ${w.firstName}`)}</a></th>`;
          for (let i = 0; i < cells.length; i++) {
            const status = cells[i];
            html += status
              ? `<td class="${s[status]}"><span aria-hidden="true">${statusMark[status]}</span>${labels[i] ? `<span class="sr-only">${escapeHtml(labels[i]!)}</span>` : ''}</td>`
              : '<td></td>';
          }
          return <tr key={w.id} data-w={w.id} dangerouslySetInnerHTML={{ __html: html }} />;
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
        <span className={`${s.swatch} ${s.todaySwatch}`} /> aujourd’hui
      </li>
    </ul>
  );
}

