// Reads of any record type, shared by repositories and screens.
import type { RecordType } from '../domain/record-types';
import type { DataContext } from './context';

/** A stored record as screens see it: without the per-field clocks sync keeps beside it. */
export function withoutClocks<T extends { hlc?: unknown }>(stored: T): Omit<T, 'hlc'> {
  const { hlc: _clocks, ...record } = stored;
  return record;
}

/** One stored record of any type, as it is (tombstone or not): for a screen that failed to show it. */
export async function readAnyRecord(
  context: DataContext,
  type: RecordType,
  id: string,
): Promise<Record<string, unknown> | null> {
  const stored = await context.db.anyRecords(type).get(id);
  return stored ? withoutClocks(stored) : null;
}
