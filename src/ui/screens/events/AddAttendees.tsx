import { useState } from 'preact/hooks';
import { listContacts } from '../../../db/contacts';
import { type Attendee, setAttendance } from '../../../db/events';
import type { Contact } from '../../../domain/contact';
import type { NetworkEvent } from '../../../domain/event';
import { InlineContactForm } from '../../components/InlineContactForm';
import { SearchPicker } from '../../components/SearchPicker';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

/**
 * Adds people from the contacts, or a new person created on the spot. During or after the
 * event they arrive as present; before it, as registered.
 */
export function AddAttendees({ event }: { event: NetworkEvent }) {
  const t = useMessages(messages);
  const context = useDataContext();
  const contacts = useLive((data) => listContacts(data), []);
  const [creating, setCreating] = useState<string | null>(null);
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
        organisationIds={event.placeOrganisationId ? [event.placeOrganisationId] : []}
        onCreated={(contact) => {
          add([contact]);
          setCreating(null);
        }}
        onCancel={() => setCreating(null)}
      />
    );
  }
  // People already on the list show there with their presence, not as chips here.
  const candidates = (contacts ?? []).filter((contact) => !(contact.id in event.attendees));
  return (
    <SearchPicker
      label={t.addAttendees}
      hint={t.addAttendeesHint}
      multiple
      options={candidates.map((contact) => ({ id: contact.id, label: contact.name, detail: contact.role }))}
      selected={[]}
      onChange={(ids) => {
        const known = new Map(candidates.map((contact) => [contact.id, contact]));
        add(ids.flatMap((id) => known.get(id) ?? []));
      }}
      onCreate={(text) => setCreating(text)}
    />
  );
}
