// A lieu or a person being created inside a form in progress (the picker's "Créer « … »"), kept
// in that form's values and so in its draft: a closed tab or a locked phone gives back the inline
// form open with what was typed there, and saving or discarding the form forgets it with the rest.

export interface InlineCreation<F> {
  /** The words typed in the picker that opened it. */
  initialName: string;
  /** What its fields hold, once typed in; null before. */
  typed: F | null;
}

/** The inline form's props that take its fields from the draft and give every change back to it. */
export function inlineDraftProps<F>(creation: InlineCreation<F>, keep: (next: InlineCreation<F>) => void) {
  return {
    initialName: creation.initialName,
    restored: creation.typed ?? undefined,
    onInput: (typed: F) => keep({ initialName: creation.initialName, typed }),
  };
}
