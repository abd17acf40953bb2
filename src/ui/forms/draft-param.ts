// The address of a form names the draft it holds (`#/visites/nouvelle?brouillon=<id>`), so a
// reload reopens that draft; and a form is keyed so that asking for another draft — or for a
// blank form — opens another form, while the address gaining the form's own draft does not.
import { useRef } from 'preact/hooks';

/** A new draft id for a form creating a record ("visit-new-…"); a draft's id never syncs. */
export const newDraftId = (kind: string) =>
  `${kind}-new-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** The kinds of form whose drafts are listed ("Brouillons"); see draft-kinds.ts. */
export const DRAFT_KIND_NAMES = [
  'visit',
  'person',
  'lieu',
  'event',
  'toolbox-item',
  'eventNote',
  'visitFollowUp',
  'eventFollowUp',
  'eventAttendee',
] as const;

/** Query parameter naming the draft a form resumes. */
export const DRAFT_PARAM = 'brouillon';

/** Drafts a form of this tab started and then wrote into its own address. */
const namedByTheirForm = new Set<string>();

export function noteDraftNamed(draftId: string): void {
  namedByTheirForm.add(draftId);
}

/** The key of the form shown for the address's draft id (`route.query[DRAFT_PARAM]`). */
export function useFormKey(draftId: string | undefined): string {
  const state = useRef({ last: draftId, generation: 0 });
  if (draftId !== state.current.last) {
    const ownDraftNamed = state.current.last === undefined && draftId !== undefined && namedByTheirForm.has(draftId);
    if (!ownDraftNamed) state.current.generation += 1;
    state.current.last = draftId;
  }
  return `form-${state.current.generation}`;
}
