// Événements: the agenda (#/evenements), a new event (#/evenements/nouveau), an event's page
// (#/evenements/<id>) and its form (#/evenements/<id>/modifier).
import { RecordPageBoundary } from '../../components/RecordPageBoundary';
import { DRAFT_PARAM, useFormKey } from '../../forms/draft-param';
import type { ScreenProps } from '../../routes';
import { EventForm } from './EventForm';
import { EventList } from './EventList';
import { EventPage } from './EventPage';
import { EDIT_SEGMENT, NEW_SEGMENT } from './segments';

export default function EventsScreen({ route }: ScreenProps) {
  const [first, second] = route.params;
  const draftId = route.query[DRAFT_PARAM];
  const formKey = useFormKey(draftId);
  if (first === undefined) return <EventList />;
  if (first === NEW_SEGMENT) return <EventForm key={`new-${formKey}`} eventId={null} draftId={draftId} />;
  if (second === EDIT_SEGMENT) return <EventForm key={first} eventId={first} draftId={draftId} />;
  return (
    <RecordPageBoundary key={first} type="events" id={first}>
      <EventPage eventId={first} />
    </RecordPageBoundary>
  );
}
