// What the lieu and people pickers offer: at most `limit` records for what is typed, never a
// whole table. With nothing typed, the first names in the name index; typed, the names are
// matched (accents and case ignored) in the normalised names kept in memory (visit-search.ts:
// built once, dropped on writes) and only the matches are read.
import { compareLabels, queryWords } from '../domain/search';
import type { DataContext } from './context';
import { withoutClocks } from './reads';
import { nameEntries } from './visit-search';

export type PickedType = 'organisations' | 'contacts';

interface PickerRecord {
  id: string;
  name: string;
  /** Commune of a lieu, role of a person: tells two homonyms apart. */
  detail: string | null;
}

function toPicked(type: PickedType, record: Record<string, unknown>): PickerRecord {
  const detail = type === 'organisations' ? record.commune : record.role;
  return { id: String(record.id), name: String(record.name ?? ''), detail: typeof detail === 'string' ? detail : null };
}

/** Up to `limit` live records of `type` whose names match `query`, by name. */
export async function pickerCandidates(
  context: DataContext,
  type: PickedType,
  query: string,
  limit: number,
): Promise<PickerRecord[]> {
  const table = context.db.anyRecords(type);
  const words = queryWords(query);
  if (words.length === 0) {
    const first = await table
      .orderBy('name')
      .filter((record) => !record.deleted)
      .limit(limit)
      .toArray();
    return first.map((record) => toPicked(type, withoutClocks(record)));
  }
  const entries = await nameEntries(context, type);
  const ids = entries
    .filter((entry) => words.every((word) => entry.text.includes(word)))
    .sort((a, b) => compareLabels(a.text, b.text))
    .slice(0, limit)
    .map((entry) => entry.id);
  const records = await table.bulkGet(ids);
  return records.flatMap((record) => (record && !record.deleted ? [toPicked(type, withoutClocks(record))] : []));
}

/** The records of these ids (what is already picked, what is suggested), in that order. */
export async function pickedRecords(
  context: DataContext,
  type: PickedType,
  ids: readonly string[],
): Promise<PickerRecord[]> {
  const records = await context.db.anyRecords(type).bulkGet([...ids]);
  return records.flatMap((record) => (record && !record.deleted ? [toPicked(type, withoutClocks(record))] : []));
}
