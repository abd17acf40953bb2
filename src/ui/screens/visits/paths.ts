// Addresses of the visit pages, shared by the list, the form and the detail.
import { hrefTo } from '../../../state/router';

export const VISITS = 'visites';
export const NEW_VISIT = 'nouvelle';
export const EDIT_VISIT = 'modifier';
/** Top-level "À faire" screen. */
export const FOLLOW_UPS = 'a-faire';

/** Query flag of a link that already asked "Reprendre le brouillon ?". */
export const RESUME = 'reprendre';
/** Query flags the detail page shows a confirmation for, after a save. */
export const SAVED = 'enregistree';
export const PHOTOS_REFUSED = 'photos-refusees';

export const newVisitHref = () => hrefTo(VISITS, NEW_VISIT);
export const visitHref = (id: string) => hrefTo(VISITS, id);
export const editVisitHref = (id: string) => hrefTo(VISITS, id, EDIT_VISIT);
/** The draft of the new-visit form (one at a time), and of the edit form of a visit. */
export const NEW_VISIT_DRAFT = 'visit-new';
export const editVisitDraft = (id: string) => `visit-edit-${id}`;
export const VISIT_DRAFT_KIND = 'visit';
