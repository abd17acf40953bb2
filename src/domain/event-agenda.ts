// How events and their notes are ordered and counted: the agenda's two lists, the timeline of
// notes several devices wrote, the attendance figures.
import type { EventNote, NetworkEvent } from './event';
import type { OrganisationKind } from './vocabulary';

export interface Agenda<E> {
  /** Events not over yet (under way included), soonest first. */
  upcoming: E[];
  /** Events over, most recent first. */
  past: E[];
}

export function splitAgenda<E extends Pick<NetworkEvent, 'startsAt' | 'endsAt' | 'id'>>(
  events: readonly E[],
  now: Date,
): Agenda<E> {
  const nowIso = now.toISOString();
  const upcoming: E[] = [];
  const past: E[] = [];
  for (const event of events) (event.endsAt >= nowIso ? upcoming : past).push(event);
  const byStart = (a: E, b: E) => compare(a.startsAt, b.startsAt) || compare(a.id, b.id);
  upcoming.sort(byStart);
  past.sort((a, b) => byStart(b, a));
  return { upcoming, past };
}

/**
 * The timeline of an event: by the time each note was written on its device (not when it
 * reached the server), so notes taken offline on two phones interleave as they happened. Ties
 * fall back on the id, so every device shows the same order.
 */
export function timelineOrder<N extends Pick<EventNote, 'writtenAt' | 'id'>>(notes: readonly N[]): N[] {
  return [...notes].sort((a, b) => compare(a.writtenAt, b.writtenAt) || compare(a.id, b.id));
}

export interface AttendanceCounts {
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
