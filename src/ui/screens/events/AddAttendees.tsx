import { useEffect, useRef, useState } from 'preact/hooks';
import { contactsByIds } from '../../../db/contacts';
import { deleteDraft, getDraft, saveDraft } from '../../../db/drafts';
import { type Attendee, addNewAttendee, attendeeDraftId, setAttendance } from '../../../db/events';
import type { Contact } from '../../../domain/contact';
import type { NetworkEvent } from '../../../domain/event';
import type { NewRecord } from '../../../domain/record-types';
import { InlineContactForm, type NewPersonFields } from '../../components/InlineContactForm';
import { RecordPicker } from '../../components/RecordPicker';
import { type InlineCreation, inlineDraftProps } from '../../forms/inline-creation';
import { useDataContext } from '../../hooks/use-data-context';
import { useDraftWrites } from '../../hooks/use-draft-writes';
import { useFocusAfterClose } from '../../hooks/use-focus-after-close';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

type NewAttendee = InlineCreation<NewPersonFields>;

/**
 * Adds people from the contacts, or a new person created on the spot. During or after the
 * event they arrive as present; before it, as registered.
 */
export function AddAttendees({
  event,
  place,
}: {
  event: NetworkEvent;
  /** The lieu the event takes place at, offered (ticked, not imposed) to a person created here. */
  place: { id: string; name: string } | null;
}) {
  const t = useMessages(messages);
  const context = useDataContext();
  const [creating, setCreating] = useState<NewAttendee | null>(null);
  const drafts = useDraftWrites();
  // Once in its draft, the person comes back after a reload: leaving asks only before that.
  useUnsavedInput(creating !== null && (drafts.unkept || !context));

  // A person half typed when the phone locked or the tab was killed comes back as it was,
  // unless a person is being typed here already.
  useEffect(() => {
    if (!context) return;
    let active = true;
    void getDraft(context, attendeeDraftId(event.id)).then((draft) => {
      if (active && draft) setCreating((current) => current ?? (draft.values as unknown as NewAttendee));
    });
    return () => {
      active = false;
    };
  }, [context, event.id]);

  // While the person is being stored (with the draft's end), a key typed in the form must not
  // write the draft back after that transaction: reopened from it, « Ajouter » made them twice.
  const adding = useRef(false);
  const latest = useRef(creating);
  const keep = (next: NewAttendee | null) => {
    setCreating(next);
    latest.current = next;
    if (!context || adding.current) return;
    const id = attendeeDraftId(event.id);
    drafts.keep(
      next
        ? saveDraft(context, {
            id,
            kind: 'eventAttendee',
            recordId: event.id,
            title: next.typed?.name ?? next.initialName,
            values: next as unknown as Record<string, unknown>,
          })
        : deleteDraft(context, id),
    );
  };
  // Back from creating a person, the next name is typed into the search again.
  const pickerBox = useFocusAfterClose<HTMLDivElement>(creating !== null);
  const arrivingAs: Attendee['status'] = event.startsAt <= new Date().toISOString() ? 'present' : 'invited';

  const add = (people: readonly Pick<Contact, 'id' | 'name'>[]) => {
    if (!context || people.length === 0) return;
    const entries: Record<string, Attendee> = {};
    for (const person of people) entries[person.id] = { name: person.name, status: arrivingAs };
    void setAttendance(context, event.id, entries);
  };
  // The person, their attendance and the draft's end in one transaction (a killed tab between
  // them made the person twice once the draft was given back).
  const createAttendee = async (person: NewRecord<'contacts'>) => {
    if (!context) throw new Error('the database is not open yet');
    adding.current = true;
    try {
      await addNewAttendee(context, event.id, person, arrivingAs);
    } catch (error) {
      // Refused, nothing was stored: the draft gets what was typed meanwhile.
      adding.current = false;
      keep(latest.current);
      throw error;
    }
    adding.current = false;
    setCreating(null);
  };

  if (creating !== null) {
    return (
      <InlineContactForm
        {...inlineDraftProps(creating, keep)}
        offerLieu={place}
        create={createAttendee}
        onCancel={() => keep(null)}
      />
    );
  }
  return (
    <div ref={pickerBox}>
      <RecordPicker
        type="contacts"
        label={t.addAttendees}
        hint={t.addAttendeesHint}
        multiple
        // People already on the list show there with their presence, not as candidates here.
        exclude={Object.keys(event.attendees)}
        selected={[]}
        onChange={(ids) => {
          if (context) void contactsByIds(context, ids).then(add);
        }}
        onCreate={(text) => keep({ initialName: text, typed: null })}
      />
    </div>
  );
}
