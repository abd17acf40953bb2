import { useState } from 'preact/hooks';
import { listOrganisations } from '../../../db/organisations';
import { InlineOrganisationForm } from '../../components/InlineOrganisationForm';
import { SearchPicker } from '../../components/SearchPicker';
import { useLive } from '../../hooks/use-live';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

/** The lieu that hosts the event, picked from the network's lieux or created on the spot. */
export function PlacePicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const t = useMessages(messages);
  const organisations = useLive((context) => listOrganisations(context), []);
  const [creating, setCreating] = useState<string | null>(null);
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
    <SearchPicker
      label={t.fieldPlace}
      hint={t.fieldPlaceHint}
      options={(organisations ?? []).map((organisation) => ({
        id: organisation.id,
        label: organisation.name,
        detail: organisation.commune,
      }))}
      selected={value ? [value] : []}
      onChange={(ids) => onChange(ids[0] ?? null)}
      onCreate={(text) => setCreating(text)}
    />
  );
}
