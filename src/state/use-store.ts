// Binds a zustand vanilla store to Preact without preact/compat: zustand's React binding would
// pull compat into the first screen for one hook.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

export function useStore<S, T>(store: StoreApi<S>, selector: (state: S) => T): T {
  const value = selector(store.getState());
  // The latest selector and rendered value, so a selector that reads props stays right
  // without re-subscribing on every render.
  const latest = useRef({ selector, value });
  latest.current = { selector, value };
  const [, rerender] = useState(0);
  useEffect(() => {
    const check = (state: S) => {
      if (!Object.is(latest.current.selector(state), latest.current.value)) rerender((n) => n + 1);
    };
    const unsubscribe = store.subscribe(check);
    // The state may have moved between this render and the subscription.
    check(store.getState());
    return unsubscribe;
  }, [store]);
  return value;
}
