// Events by the people checked in: `attendees` is a map keyed by contact id, and IndexedDB
// indexes no object's keys, so each stored event carries `attendeeIds`, the ids of its
// attendees, under a multi-entry index. A merge of two people finds the events naming the
// merged one from it instead of reading every event. The field is derived, set by
// derived-key-writes.ts on every write and hidden from every read (derived-keys.ts).

export const ATTENDEE_IDS = 'attendeeIds';
