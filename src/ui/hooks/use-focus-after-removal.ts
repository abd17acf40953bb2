import { useEffect, useRef } from 'preact/hooks';

/**
 * A "×" or « Retirer » goes with what it removes, and the focus would fall to the page's start
 * (a phone's keyboard closes, a screen reader starts over). Call the returned `removing(at)`
 * just before the change that removes it: once `list` has changed, `target(at)` takes the focus.
 */
export function useFocusAfterRemoval<A = void>(
  list: unknown,
  target: (at: A) => HTMLElement | null | undefined,
): (at: A) => void {
  const removal = useRef<{ at: A } | null>(null);
  useEffect(() => {
    if (removal.current === null) return;
    const { at } = removal.current;
    removal.current = null;
    target(at)?.focus();
  }, [list]);
  return (at) => {
    removal.current = { at };
  };
}
