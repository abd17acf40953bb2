import * as v from 'valibot';
import { builtOnce } from './built-once';
import {
  baseEntries,
  id,
  instant,
  openPicklist,
  optionalId,
  optionalInstant,
  optionalText,
  requiredText,
} from './fields';
import { isTimeZone } from './time-zone';
import { serviceList } from './visit';
import { EVENT_KINDS } from './vocabulary';

const attendeeSchema = builtOnce(() =>
  v.strictObject({
    /** Kept so a past event still shows the person after their contact is deleted. */
    name: requiredText(200),
    status: v.picklist(['invited', 'present', 'excused']),
  }),
);

/** A gathering of the network. `attendees` (by contact id) merges per person on sync. */
export const eventSchema = builtOnce(() =>
  v.pipe(
    v.strictObject({
      ...baseEntries,
      title: requiredText(200),
      kind: openPicklist(EVENT_KINDS),
      startsAt: instant,
      endsAt: instant,
      timeZone: v.optional(
        v.pipe(v.string(), v.maxLength(64), v.check(isTimeZone, 'must be a time zone (like Europe/Paris)')),
        'Europe/Paris',
      ),
      placeOrganisationId: optionalId,
      placeLabel: optionalText(300),
      organisers: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(50)), []),
      services: serviceList(),
      description: optionalText(20000),
      attendees: v.optional(v.record(id, attendeeSchema()), {}),
    }),
    v.forward(
      v.partialCheck(
        [['startsAt'], ['endsAt']],
        (event) => event.endsAt >= event.startsAt,
        'must not end before it starts',
      ),
      ['endsAt'],
    ),
  ),
);
export type NetworkEvent = v.InferOutput<ReturnType<typeof eventSchema>>;

/** What a note is: a plain note, a decision taken, an idea raised, an action to do, an open question. */
export const NOTE_TAGS = ['note', 'decision', 'idea', 'action', 'question'] as const;
export type NoteTag = (typeof NOTE_TAGS)[number];

/** One note of an event's timeline; each is its own record, so authors never overwrite each other. */
export const eventNoteSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    eventId: id,
    text: requiredText(20000),
    authorName: v.pipe(v.string(), v.maxLength(120)),
    /**
     * The author's member id, which the server writes when the note is created: who may change
     * it. Optional: a device of an older release, or before its first pull, has none.
     */
    authorId: optionalId,
    writtenAt: instant,
    tag: openPicklist(NOTE_TAGS),
    followUpId: optionalId,
    editedAt: optionalInstant,
  }),
);
export type EventNote = v.InferOutput<ReturnType<typeof eventNoteSchema>>;
