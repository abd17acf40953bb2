// How events and their notes are ordered and counted: the agenda's two lists, the timeline of
// notes several devices wrote, the attendance figures.
import type { EventNote, NetworkEvent } from './event';
import { wallDay } from './time-zone';
import type { OrganisationKind } from './vocabulary';

interface Agenda<E> {
  /** Events of the day (`today`), finished or not, by start. */
  today: E[];
  /** Events not over yet (under way included), soonest first, today's excepted. */
  upcoming: E[];
  /** Events over, most recent first, today's excepted. */
  past: E[];
}

/** A day as the device's clock bounds it: [from, to) as ISO instants. */
export interface DaySpan {
  from: string;
  to: string;
}

export function splitAgenda<E extends Pick<NetworkEvent, 'startsAt' | 'endsAt' | 'id'>>(
  events: readonly E[],
  now: Date,
  day: DaySpan,
): Agenda<E> {
  const nowIso = now.toISOString();
  const agenda: Agenda<E> = { today: [], upcoming: [], past: [] };
  for (const event of events) {
    const list =
      event.startsAt < day.to && event.endsAt >= day.from
        ? agenda.today
        : event.endsAt >= nowIso
          ? agenda.upcoming
          : agenda.past;
    list.push(event);
  }
  const byStart = (a: E, b: E) => compare(a.startsAt, b.startsAt) || compare(a.id, b.id);
  agenda.today.sort(byStart);
  agenda.upcoming.sort(byStart);
  agenda.past.sort((a, b) => byStart(b, a));
  return agenda;
}

/**
 * The timeline of an event: by the time each note was written on its device (not when it
 * reached the server), so notes taken offline on two phones interleave as they happened. Ties
 * fall back on the id, so every device shows the same order.
 */
export function timelineOrder<N extends Pick<EventNote, 'writtenAt' | 'id'>>(notes: readonly N[]): N[] {
  return [...notes].sort((a, b) => compare(a.writtenAt, b.writtenAt) || compare(a.id, b.id));
}

interface AttendanceCounts {
  invited: number;
  present: number;
  excused: number;
  /** Attendees not excused, by the kind of their organisation ("unknown" without one). */
  byKind: Partial<Record<OrganisationKind | 'unknown', number>>;
}

export function attendanceCounts(
  attendees: NetworkEvent['attendees'],
  kindOf: (contactId: string) => OrganisationKind | null,
): AttendanceCounts {
  const counts: AttendanceCounts = { invited: 0, present: 0, excused: 0, byKind: {} };
  for (const [contactId, attendee] of Object.entries(attendees)) {
    counts[attendee.status] += 1;
    if (attendee.status === 'excused') continue;
    const kind = kindOf(contactId) ?? 'unknown';
    counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
  }
  return counts;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether a note's time needs its day to be read right: on an event of several days, and on a
 * note written another day than the event's (typed up the day after), whose time alone reads as
 * a time of the event ("15:50" under an event that ended at 14:32). `zone`: the event's.
 */
export function noteNeedsDay(
  event: Pick<NetworkEvent, 'startsAt' | 'endsAt'>,
  writtenAt: string,
  zone: string,
): boolean {
  const day = wallDay(event.startsAt, zone);
  return wallDay(event.endsAt, zone) !== day || wallDay(writtenAt, zone) !== day;
}
