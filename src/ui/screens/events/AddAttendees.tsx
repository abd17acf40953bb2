import { useState } from 'preact/hooks';
import { contactsByIds } from '../../../db/contacts';
import { type Attendee, setAttendance } from '../../../db/events';
import type { Contact } from '../../../domain/contact';
import type { NetworkEvent } from '../../../domain/event';
import { InlineContactForm } from '../../components/InlineContactForm';
import { RecordPicker } from '../../components/RecordPicker';
import { useDataContext } from '../../hooks/use-data-context';
import { useFocusAfterClose } from '../../hooks/use-focus-after-close';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

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
  const [creating, setCreating] = useState<string | null>(null);
  // Back from creating a person, the next name is typed into the search again.
  const pickerBox = useFocusAfterClose<HTMLDivElement>(creating !== null);
  const arrivingAs: Attendee['status'] = event.startsAt <= new Date().toISOString() ? 'present' : 'invited';

  const add = (people: readonly Pick<Contact, 'id' | 'name'>[]) => {
    if (!context || people.length === 0) return;
    const entries: Record<string, Attendee> = {};
    for (const person of people) entries[person.id] = { name: person.name, status: arrivingAs };
    void setAttendance(context, event.id, entries);
  };

  if (creating !== null) {
    return (
      <InlineContactForm
        initialName={creating}
        offerLieu={place}
        onCreated={(contact) => {
          add([contact]);
          setCreating(null);
        }}
        onCancel={() => setCreating(null)}
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
        onCreate={(text) => setCreating(text)}
      />
    </div>
  );
}
