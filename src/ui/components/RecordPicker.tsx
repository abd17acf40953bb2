// A SearchPicker over lieux or people that reads only what it shows: a bounded, indexed query
// for what is typed (pickerCandidates), plus the records already picked or suggested — never
// the whole table, which holds thousands of contacts at field scale.
import { useMemo, useState } from 'preact/hooks';
import { type PickedType, pickedRecords, pickerCandidates } from '../../db/picker-queries';
import { useLive } from '../hooks/use-live';
import { type PickerOption, SearchPicker, type SearchPickerProps } from './SearchPicker';

/** Candidates read for what is typed: more than shown, so "N de plus" still says there are more. */
const CANDIDATES = 30;

type RecordPickerProps = Omit<SearchPickerProps, 'options' | 'onQuery'> & {
  type: PickedType;
  /** Records not to offer (people already on an event's list). */
  exclude?: readonly string[];
};

export function RecordPicker({ type, exclude = [], ...picker }: RecordPickerProps) {
  const [query, setQuery] = useState('');
  const known = [...picker.selected, ...(picker.suggested ?? [])];
  // Tagged with the text they were read for: until the search for what is typed answers, the
  // previous candidates stay shown (useLive) and the picker must not offer to create it.
  const found = useLive(
    async (context) => ({ query, records: await pickerCandidates(context, type, query, CANDIDATES) }),
    [type, query],
  );
  const candidates = found?.records;
  const picked = useLive((context) => pickedRecords(context, type, known), [type, known.join(',')]);
  const options = useMemo(() => {
    const byId = new Map<string, PickerOption>();
    for (const record of [...(picked ?? []), ...(candidates ?? [])]) {
      if (exclude.includes(record.id)) continue;
      byId.set(record.id, { id: record.id, label: record.name, detail: record.detail });
    }
    return [...byId.values()];
  }, [candidates, picked, exclude.join(',')]);
  return <SearchPicker {...picker} options={options} onQuery={setQuery} answered={found?.query === query} />;
}
