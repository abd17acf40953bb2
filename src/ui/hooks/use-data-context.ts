import { useEffect, useState } from 'preact/hooks';
import { appData, openedAppData } from '../../db/app-data';
import type { DataContext } from '../../db/context';

/**
 * The device's data context once the database is open; undefined only for the first frames of
 * the tab's first screen. A screen opened later has it at once: waiting a frame for it there
 * dropped what was done in that frame (a file picked as the import screen appeared).
 */
export function useDataContext(): DataContext | undefined {
  const [context, setContext] = useState<DataContext | undefined>(openedAppData);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (context) return;
    let active = true;
    appData().then(
      (opened) => active && setContext(opened),
      (failure: unknown) => active && setError(failure),
    );
    return () => {
      active = false;
    };
  }, []);
  // To the screen's error boundary, which says what happened and offers a reload.
  if (error !== undefined) throw error;
  return context;
}
