import type { NewRecord } from '../../../domain/record-types';
import { InlineOrganisationForm, type NewLieuFields } from '../../components/InlineOrganisationForm';
import { RecordPicker } from '../../components/RecordPicker';
import { type InlineCreation, inlineDraftProps } from '../../forms/inline-creation';
import { useFocusAfterClose } from '../../hooks/use-focus-after-close';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

interface PlacePickerProps {
  value: string | null;
  /** The lieu being created here, kept in the event form's draft. */
  creating: InlineCreation<NewLieuFields> | null;
  onChange: (changes: { placeOrganisationId?: string | null; newPlace?: InlineCreation<NewLieuFields> | null }) => void;
  /** Creates the lieu and makes it the event's place, its draft written with it (the form kit's createWithin). */
  create: (lieu: NewRecord<'organisations'>) => Promise<unknown>;
  /** The event form's word on the lieu being created (saved before it was added). */
  error?: string | undefined;
}

/** The lieu that hosts the event, picked from the network's lieux or created on the spot. */
export function PlacePicker({ value, creating, onChange, create, error }: PlacePickerProps) {
  const t = useMessages(messages);
  const pickerBox = useFocusAfterClose<HTMLDivElement>(creating !== null);
  if (creating !== null) {
    return (
      <InlineOrganisationForm
        {...inlineDraftProps(creating, (next) => onChange({ newPlace: next }))}
        error={error}
        create={create}
        onCancel={() => onChange({ newPlace: null })}
      />
    );
  }
  return (
    <div ref={pickerBox}>
      <RecordPicker
        type="organisations"
        label={t.fieldPlace}
        hint={t.fieldPlaceHint}
        optional
        selected={value ? [value] : []}
        onChange={(ids) => onChange({ placeOrganisationId: ids[0] ?? null })}
        onCreate={(text) => onChange({ newPlace: { initialName: text, typed: null } })}
      />
    </div>
  );
}
