import { useEffect, useState } from 'preact/hooks';
import type { DataContext } from '../../db/context';
import { useDataContext } from './use-data-context';

/**
 * A record read once, for an edit form (not live: the form keeps what is typed while a sync
 * writes). Undefined while it is read; null when there is no id or no such record.
 */
export function useRecordOnce<T>(
  id: string | null,
  read: (context: DataContext, id: string) => Promise<T | undefined>,
): T | null | undefined {
  const context = useDataContext();
  const [record, setRecord] = useState<T | null | undefined>(id ? undefined : null);
  useEffect(() => {
    if (!context || !id) return;
    let active = true;
    void read(context, id).then((found) => active && setRecord(found ?? null));
    return () => {
      active = false;
    };
  }, [context, id]);
  return record;
}
