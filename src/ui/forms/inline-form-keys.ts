// A person or a lieu created inside the form in progress is a <fieldset> of that form, not a form
// of its own: Enter in one of its fields submitted the whole visit, saved without the lieu, and
// the lieu's typed name and commune were gone (Firefox ESR, keyboard only). Enter there adds the
// person or the lieu, as the button beside it would; Escape closes it, as its "Annuler" does.

/** The key handler of an inline form's fieldset. */
export function inlineFormKeys(save: () => void, cancel: () => void) {
  return (event: KeyboardEvent): void => {
    if (event.isComposing) return;
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  };
}
