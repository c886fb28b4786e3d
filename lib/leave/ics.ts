// iCalendar (.ics) feed of a company's leaves, for calendar apps that subscribe to it. Pure.
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { shiftDay } from './days';
import type { LeaveKind } from './rules';

export type LeaveFeedEntry = {
  id: string;
  workerFirstName: string;
  workerLastName: string;
  /** First and last day of the leave, inclusive (YYYY-MM-DD). */
  start: string;
  end: string;
  days: number;
  kind: LeaveKind;
  /** When the leave was last changed: the event's DTSTAMP, so that an unchanged leave gives the same bytes. */
  updatedAt?: Date;
};

export type LeaveFeedInput = {
  companyName: string;
  /** Host-like suffix of the UIDs (e.g. the portal's host name): UIDs must be globally unique and stable. */
  uidDomain: string;
  leaves: readonly LeaveFeedEntry[];
  /** DTSTAMP of leaves without `updatedAt`; defaults to now. */
  stamp?: Date;
};

/** The UID of a leave's event: the same for the life of the leave, so calendar apps update it in place. */
export function leaveEventUid(leaveId: string, uidDomain: string): string {
  return `conge-${leaveId}@${uidDomain}`;
}

function toUtcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * One all-day event per leave, « Congés — Prénom Nom ». iCalendar's DTEND of an all-day event is the day
 * after the last one (exclusive). Dates are written as dates (VALUE=DATE), with no time zone, so a leave
 * never shifts by a day in another zone.
 */
export function buildLeaveCalendar(input: LeaveFeedInput): string {
  const calendar = ical({
    name: `Congés — ${input.companyName}`,
    prodId: { company: 'Espace sécurisé', product: 'Planification des congés', language: 'FR' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const stamp = input.stamp ?? new Date();
  const sorted = [...input.leaves].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  for (const leave of sorted) {
    const name = `${leave.workerFirstName} ${leave.workerLastName}`.trim();
    calendar.createEvent({
      id: leaveEventUid(leave.id, input.uidDomain),
      allDay: true,
      start: toUtcDate(leave.start),
      end: toUtcDate(shiftDay(leave.end, 1)),
      stamp: leave.updatedAt ?? stamp,
      summary: `Congés — ${name}`,
      description: `${leave.kind === 'main' ? 'Congé principal' : 'Autre congé'} : ${leave.days} jour${leave.days >= 2 ? 's' : ''} ouvrable${leave.days >= 2 ? 's' : ''}`,
      // A colleague's leave should not mark the subscriber's own time as busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}
