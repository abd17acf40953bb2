import { useEffect, useRef } from 'preact/hooks';

/**
 * A "×" or « Retirer » goes with what it removes, and the focus would fall to the page's start
 * (a phone's keyboard closes, a screen reader starts over). Call the returned `removing(at)`
 * just before the change that removes it: if `list` has changed by the next render, `target(at)`
 * takes the focus. Only that render: a change the parent refused or re-sent unchanged must not
 * leave the call pending, for a later unrelated change (a live re-read) to move the focus.
 */
export function useFocusAfterRemoval<A = void>(
  list: unknown,
  target: (at: A) => HTMLElement | null | undefined,
): (at: A) => void {
  const removal = useRef<{ at: A; list: unknown } | null>(null);
  useEffect(() => {
    if (removal.current === null) return;
    const { at, list: before } = removal.current;
    removal.current = null;
    if (list !== before) target(at)?.focus();
  });
  return (at) => {
    removal.current = { at, list };
  };
}
