import { listOrganisations } from '../../../db/organisations';
import { SearchPicker } from '../../components/SearchPicker';
import { useLive } from '../../hooks/use-live';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

/** The lieu that hosts the event, picked from the network's lieux (else a free address below). */
export function PlacePicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const t = useMessages(messages);
  const organisations = useLive((context) => listOrganisations(context), []);
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
    />
  );
}
