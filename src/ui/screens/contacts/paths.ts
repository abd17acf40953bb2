// Addresses of the contacts & lieux pages, shared with the visit pages that link to them.
import { hrefTo } from '../../../state/router';

export const CONTACTS = 'contacts';
export const PERSON = 'personne';
export const LIEU = 'lieu';
export const LIEUX_TAB = 'lieux';
export const NEW = 'nouveau';
export const EDIT = 'modifier';

export const personHref = (id: string) => hrefTo(CONTACTS, PERSON, id);
export const lieuHref = (id: string) => hrefTo(CONTACTS, LIEU, id);
export const editPersonHref = (id: string) => hrefTo(CONTACTS, PERSON, id, EDIT);
export const editLieuHref = (id: string) => hrefTo(CONTACTS, LIEU, id, EDIT);
export const newPersonHref = () => hrefTo(CONTACTS, PERSON, NEW);
export const newLieuHref = () => hrefTo(CONTACTS, LIEU, NEW);
/**
 * Query naming the lieu a new record belongs to: a person ("Ajouter une personne" on a lieu's
 * page) or a visit ("Noter une visite ici" on the map's card).
 */
export const LIEU_PARAM = 'lieu';
export const newPersonAtHref = (lieuId: string) => `${newPersonHref()}?${LIEU_PARAM}=${encodeURIComponent(lieuId)}`;
export const lieuxHref = () => hrefTo(CONTACTS, LIEUX_TAB);
export const MERGE = 'fusionner';
/** Compare a lieu or a person with a likely duplicate, and merge the other into it. */
export const mergeHref = (type: 'organisations' | 'contacts', id: string, otherId: string) =>
  hrefTo(CONTACTS, type === 'organisations' ? LIEU : PERSON, id, MERGE, otherId);
export const IMPORT = 'importer';
/** Import lieux from a GoGoCarto export or a census CSV. */
export const importLieuxHref = () => hrefTo(CONTACTS, LIEUX_TAB, IMPORT);
