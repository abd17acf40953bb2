import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Focuses the first field marked in error and brings it to the middle of the window. Scrolled by
 * focus() alone, a field below the fold stops at the window's bottom edge: on a phone, under the
 * sticky save bar and the bottom navigation, with its error unseen.
 */
export function focusFirstError(form: HTMLElement | null): void {
  const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!field) return;
  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: 'center' });
}

/**
 * For a form that keeps its own errors: each refused submit (a new errors object) moves the focus
 * to the first field in error, once it is marked. Without it the focus stays on the submit button
 * and a screen reader says nothing of why nothing happened.
 */
export function useFocusFirstError(errors: object): RefObject<HTMLFormElement | null> {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length > 0) focusFirstError(form.current);
  }, [errors]);
  return form;
}
