import { useEffect, useRef } from 'preact/hooks';

/**
 * A person or a lieu created on the spot from a picker opens a form that closes once it is
 * added (or given up): the focus then sits on a button gone from the page, and on a phone the
 * keyboard closes. When `open` turns false, the first field inside the returned box (the
 * picker's search, not a chip's remove button before it), or else its first button (a picked
 * lieu's "Changer"), or else what was made focusable to say the outcome (`tabindex="-1"`), takes
 * the focus, unless the person went elsewhere meanwhile.
 */
export function useFocusAfterClose<T extends HTMLElement>(open: boolean) {
  const box = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    const closed = wasOpen.current && !open;
    wasOpen.current = open;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!closed || !lost) return;
    const target =
      box.current?.querySelector('input') ??
      box.current?.querySelector('button') ??
      box.current?.querySelector<HTMLElement>('[tabindex="-1"]');
    target?.focus();
  }, [open]);
  return box;
}
