// A person or a lieu created inside the form in progress is a <fieldset> of that form, not a form
// of its own: Enter in one of its fields submitted the whole visit, saved without the lieu, and
// the lieu's typed name and commune were gone (Firefox ESR, keyboard only). Enter there adds the
// person or the lieu, as the button beside it would; Escape closes it, as its "Annuler" does,
// while that loses nothing typed.
import { useRef } from 'preact/hooks';

/**
 * The inline form's save, one at a time (a held Enter repeats, a double tap on "Ajouter" comes
 * before the first save ends: either made the person or the lieu twice), and its fieldset's keys.
 * `typed`: words were typed beyond the name the picker opened it with.
 */
export function useInlineForm(save: () => Promise<void>, cancel: () => void, typed: boolean) {
  const saving = useRef(false);
  const saveOnce = async () => {
    if (saving.current) return;
    saving.current = true;
    try {
      await save();
    } finally {
      saving.current = false;
    }
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing || event.defaultPrevented) return;
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      if (!event.repeat) void saveOnce();
    } else if (event.key === 'Escape' && !typed) {
      // Escape also closes a browser's suggestions or leaves a field by habit: with words typed,
      // it leaves them be; "Annuler" is one tap away.
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  };
  return { saveOnce, onKeyDown };
}
