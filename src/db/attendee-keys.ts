// Events by the people checked in: `attendees` is a map keyed by contact id, and IndexedDB
// indexes no object's keys, so each stored event carries `attendeeIds`, the ids of its
// attendees, under a multi-entry index. A merge of two people finds the events naming the
// merged one from it instead of reading every event. The field is derived, kept by
// derived-keys.ts on every write and hidden from every read.

export const ATTENDEE_IDS = 'attendeeIds';

/** The people an event's `attendees` holds an entry for (a removed entry may be kept as null). */
export function attendeeIds(event: { attendees?: unknown }): string[] {
  const attendees = (event.attendees ?? {}) as Record<string, unknown>;
  return Object.keys(attendees).filter((id) => attendees[id] !== null && attendees[id] !== undefined);
}
