import { refusal } from '../../../domain/permissions';
import type { ToolboxItem } from '../../../domain/toolbox';
import { useRole } from '../../../state/sync';

/** Whether this device curates the valise: an admin (not removed), or a device that has not joined yet. */
export function useCanCurate(): boolean {
  return useRole() !== 'concierge';
}

/** The server's own rule, asked before offering "Modifier" or "Retirer" on an item. */
export function useMayChange(item: ToolboxItem | null | undefined): boolean {
  const role = useRole() ?? 'admin';
  if (!item) return false;
  return refusal({ role, type: 'toolboxItems', existing: item, fields: { title: item.title } }) === null;
}
