// A packing list as the person packing sees it: its lines in order, what is packed, what is
// still missing, and what to write to start again for the next trip.
import type { PackingList, ToolboxItem } from '../toolbox';

export interface PackingLine {
  itemId: string;
  /** Null when the item left the valise since the list was made. */
  item: ToolboxItem | null;
  packed: boolean;
}

interface PackingState {
  lines: PackingLine[];
  packedCount: number;
  /** Lines still to pack, in list order (the "ce qui manque" view). */
  missing: PackingLine[];
  complete: boolean;
}

export function packingState(
  list: Pick<PackingList, 'itemIds' | 'packed'>,
  items: readonly ToolboxItem[],
): PackingState {
  const byId = new Map(items.filter((item) => !item.deleted).map((item) => [item.id, item]));
  const seen = new Set<string>();
  const lines: PackingLine[] = [];
  for (const itemId of list.itemIds) {
    if (seen.has(itemId)) continue;
    seen.add(itemId);
    lines.push({ itemId, item: byId.get(itemId) ?? null, packed: list.packed[itemId] === true });
  }
  const missing = lines.filter((line) => !line.packed);
  return {
    lines,
    packedCount: lines.length - missing.length,
    missing,
    complete: lines.length > 0 && missing.length === 0,
  };
}

/** Map entries that untick every line (null removes an entry): a reset for the next trip. */
export function resetEntries(list: Pick<PackingList, 'packed'>): Record<string, null> {
  const entries: Record<string, null> = {};
  for (const [itemId, packed] of Object.entries(list.packed)) if (packed) entries[itemId] = null;
  return entries;
}

/** The fields of a trip made from a template: its lines, nothing packed yet. */
export function tripFromTemplate(
  template: Pick<PackingList, 'id' | 'title' | 'tripKind' | 'itemIds'>,
  tripDate: string | null,
): Pick<PackingList, 'title' | 'tripKind' | 'isTemplate' | 'templateId' | 'tripDate' | 'itemIds' | 'packed'> {
  return {
    title: template.title,
    tripKind: template.tripKind,
    isTemplate: false,
    templateId: template.id,
    tripDate,
    itemIds: [...template.itemIds],
    packed: {},
  };
}

interface TripGroups<T> {
  /** The trips of the member reading, soonest first (undated last). */
  mine: T[];
  /** Everyone else's trips, soonest first: a colleague's suitcase may hold what one needs. */
  others: T[];
}

/** "Mes déplacements" first, then the team's; a device without a member name owns them all. */
export function groupTrips<T extends Pick<PackingList, 'tripDate' | 'owner'>>(
  trips: readonly T[],
  me: string,
): TripGroups<T> {
  const sorted = [...trips].sort((a, b) => (a.tripDate ?? '9999').localeCompare(b.tripDate ?? '9999'));
  if (me === '') return { mine: sorted, others: [] };
  return {
    mine: sorted.filter((trip) => trip.owner === me),
    others: sorted.filter((trip) => trip.owner !== me),
  };
}
