// "À faire": open follow-ups grouped by when they are due, relative to today, with weeks
// starting on Monday as in France.
import { endOfWeek, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { localDay } from './days';

type DueGroup = 'overdue' | 'today' | 'thisWeek' | 'later' | 'undated';
const DUE_GROUPS: readonly DueGroup[] = ['overdue', 'today', 'thisWeek', 'later', 'undated'];

export function dueGroup(dueDate: string | null | undefined, today: string): DueGroup {
  if (!dueDate) return 'undated';
  if (dueDate < today) return 'overdue';
  if (dueDate === today) return 'today';
  const lastOfWeek = localDay(endOfWeek(parseISO(today), { locale: fr }));
  return dueDate <= lastOfWeek ? 'thisWeek' : 'later';
}

/** Groups items by due date (each group sorted by date, the oldest first); empty groups are left out. */
export function groupByDue<T extends { dueDate?: string | null | undefined }>(
  items: readonly T[],
  today: string,
): { group: DueGroup; items: T[] }[] {
  const groups = new Map<DueGroup, T[]>(DUE_GROUPS.map((group) => [group, []]));
  const sorted = [...items].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  for (const item of sorted) groups.get(dueGroup(item.dueDate, today))?.push(item);
  return DUE_GROUPS.map((group) => ({ group, items: groups.get(group) ?? [] })).filter(
    (entry) => entry.items.length > 0,
  );
}
