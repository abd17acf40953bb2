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
