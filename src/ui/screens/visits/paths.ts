// Addresses of the visit pages, shared by the list, the form and the detail.
import { hrefTo } from '../../../state/router';

export const VISITS = 'visites';
export const NEW_VISIT = 'nouvelle';
export const EDIT_VISIT = 'modifier';
/** Top-level "À faire" screen. */
export const FOLLOW_UPS = 'a-faire';

/** Query flag the detail page shows a confirmation for, after a save. */
export const SAVED = 'enregistree';

export const newVisitHref = () => hrefTo(VISITS, NEW_VISIT);
export const visitHref = (id: string) => hrefTo(VISITS, id);
export const editVisitHref = (id: string) => hrefTo(VISITS, id, EDIT_VISIT);
/** Kind of the visit form's drafts. */
export const VISIT_DRAFT_KIND = 'visit';
