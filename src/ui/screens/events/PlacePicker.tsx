import { useState } from 'preact/hooks';
import { InlineOrganisationForm } from '../../components/InlineOrganisationForm';
import { RecordPicker } from '../../components/RecordPicker';
import { useFocusAfterClose } from '../../hooks/use-focus-after-close';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

/** The lieu that hosts the event, picked from the network's lieux or created on the spot. */
export function PlacePicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const t = useMessages(messages);
  const [creating, setCreating] = useState<string | null>(null);
  const pickerBox = useFocusAfterClose<HTMLDivElement>(creating !== null);
  if (creating !== null) {
    return (
      <InlineOrganisationForm
        initialName={creating}
        onCreated={(organisation) => {
          onChange(organisation.id);
          setCreating(null);
        }}
        onCancel={() => setCreating(null)}
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
        onChange={(ids) => onChange(ids[0] ?? null)}
        onCreate={(text) => setCreating(text)}
      />
    </div>
  );
}
