/**
 * Focuses the first empty field of a form and brings it to the middle of the window: what is
 * left to type when a link filled in the rest. Scrolled by focus() alone, a field below the
 * fold would stop at the window's bottom edge, under a phone's bottom navigation.
 */
export function focusFirstEmpty(form: HTMLElement | null): void {
  // A person already typing in the form keeps their place: on a slow first start, the join form
  // was focused for them after they had begun their name, and the rest went into the next field.
  if (form?.contains(document.activeElement)) return;
  const fields = form?.querySelectorAll<HTMLInputElement>('input:not([type="hidden"]):not(:disabled)') ?? [];
  const field = Array.from(fields).find((input) => input.value.trim() === '');
  if (!field) return;
  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: 'center' });
}
