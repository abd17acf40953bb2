// Live queries for the UI: a query re-runs whenever a table it read changes (in this tab or
// another), so screens never hold stale data. Wraps Dexie's liveQuery so components don't
// import Dexie.
import { liveQuery } from 'dexie';

export interface LiveSubscription {
  unsubscribe(): void;
}

export function observe<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void = (error) => console.error(error),
): LiveSubscription {
  return liveQuery(query).subscribe({ next: onValue, error: onError });
}
