// Live data for components: the query re-runs whenever a table it read changes (in this tab
// or another), so a screen never shows stale data and never calls Dexie itself.
import type { Inputs } from 'preact/hooks';
import { useEffect, useState } from 'preact/hooks';
import { appData } from '../../db/app-data';
import type { DataContext } from '../../db/context';
import { type LiveSubscription, observe } from '../../db/live';
import { holdFirstScreen } from '../first-screen';

type LiveQuery<T> = (context: DataContext) => Promise<T>;

/**
 * `const visits = useLive((context) => listVisits(context, filter), [filter])` — undefined
 * until the first result; the previous result stays shown while new `deps` load, so lists do
 * not flash. A failing query is thrown to the screen's error boundary.
 */
export function useLive<T>(query: LiveQuery<T>, deps: Inputs): T | undefined {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<unknown>();
  // Background work waits until the first screen's queries have answered (src/ui/first-screen.ts).
  const [shown] = useState(holdFirstScreen);
  useEffect(() => shown, []);
  // `deps` are the caller's, like useEffect's: what the query reads besides the database.
  useEffect(() => {
    let subscription: LiveSubscription | null = null;
    let active = true;
    appData().then(
      (context) => {
        if (!active) return;
        subscription = observe(
          () => query(context),
          (next) => {
            setValue(() => next);
            shown();
          },
          (failure) => {
            setError(() => failure);
            shown();
          },
        );
      },
      (failure: unknown) => {
        shown();
        if (active) setError(() => failure);
      },
    );
    return () => {
      active = false;
      subscription?.unsubscribe();
    };
  }, deps);
  if (error !== undefined) throw error;
  return value;
}
