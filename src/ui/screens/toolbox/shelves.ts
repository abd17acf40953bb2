import type { ToolboxItem } from '../../../domain/toolbox';
import { SHELF_DIGITAL, SHELF_KIT, SHELF_METHODS } from '../../../domain/toolbox/starter';

const SHELF_ORDER = [SHELF_METHODS, SHELF_DIGITAL, SHELF_KIT];

/** Items by shelf: the starter shelves first, then others by name, items without a shelf last. */
export function shelves(items: readonly ToolboxItem[], other: string): [string, ToolboxItem[]][] {
  const byShelf = new Map<string, ToolboxItem[]>();
  for (const item of items) {
    const shelf = item.shelf?.trim() || other;
    byShelf.set(shelf, [...(byShelf.get(shelf) ?? []), item]);
  }
  const rank = (shelf: string) => {
    const index = SHELF_ORDER.indexOf(shelf);
    return index < 0 ? (shelf === other ? SHELF_ORDER.length + 1 : SHELF_ORDER.length) : index;
  };
  return [...byShelf.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'fr'));
}
