import { useEffect, useState } from 'preact/hooks';
import { appData } from '../../db/app-data';
import type { DataContext } from '../../db/context';

/** The device's data context once the database is open; undefined for the first frames. */
export function useDataContext(): DataContext | undefined {
  const [context, setContext] = useState<DataContext>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
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
