// A SearchPicker over lieux or people that reads only what it shows: a bounded, indexed query
// for what is typed (pickerCandidates), plus the records already picked or suggested — never
// the whole table, which holds thousands of contacts at field scale.
import { useMemo, useState } from 'preact/hooks';
import { type PickedType, pickedRecords, pickerCandidates } from '../../db/picker-queries';
import { useLive } from '../hooks/use-live';
import { useMessages } from '../i18n/messages';
import { pickerMessages } from './picker-messages';
import { type PickerOption, SearchPicker, type SearchPickerProps } from './SearchPicker';

/** Candidates read for what is typed: more than shown, so "N de plus" still says there are more. */
const CANDIDATES = 30;

type RecordPickerProps = Omit<SearchPickerProps, 'options' | 'onQuery'> & {
  type: PickedType;
  /** Records not to offer (people already on an event's list). */
  exclude?: readonly string[];
};

export function RecordPicker({ type, exclude = [], ...picker }: RecordPickerProps) {
  const t = useMessages(pickerMessages);
  const [query, setQuery] = useState('');
  const known = [...picker.selected, ...(picker.suggested ?? [])];
  // Tagged with the text they were read for: until the search for what is typed answers, the
  // previous candidates stay shown (useLive) and the picker must not offer to create it.
  const found = useLive(
    async (context) => ({ query, records: await pickerCandidates(context, type, query, CANDIDATES) }),
    [type, query],
  );
  const candidates = found?.records;
  // Tagged with the ids they were read for: a lieu just created is being read, not absent.
  const knownKey = known.join(',');
  const picked = useLive(
    async (context) => ({ ids: knownKey, records: await pickedRecords(context, type, known) }),
    [type, knownKey],
  );
  const options = useMemo(() => {
    const byId = new Map<string, PickerOption>();
    for (const record of [...(picked?.records ?? []), ...(candidates ?? [])]) {
      if (exclude.includes(record.id)) continue;
      byId.set(record.id, { id: record.id, label: record.name, detail: record.detail });
    }
    return [...byId.values()];
  }, [candidates, picked, exclude.join(',')]);
  // A picked id read and not found (a link naming a lieu of another device, a person deleted
  // since) says so, with its « Changer » or « × », instead of « … » for ever.
  const absentLabel = picked?.ids === knownKey ? t.absent(type) : undefined;
  return (
    <SearchPicker
      {...picker}
      options={options}
      onQuery={setQuery}
      answered={found?.query === query}
      {...(absentLabel ? { absentLabel } : {})}
    />
  );
}
