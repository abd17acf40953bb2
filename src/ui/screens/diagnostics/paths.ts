// Addresses inside the Diagnostics screen.
import { hrefTo } from '../../../state/router';

const SCREEN = 'diagnostics';
export const NEW_PATH = 'nouveau';
export const SECTION_PATH = 'section';
export const COMPARE_PATH = 'comparer';
export const GRIDS_PATH = 'grilles';

export const listHref = () => hrefTo(SCREEN);
export const newHref = () => hrefTo(SCREEN, NEW_PATH);
/** A new diagnostic of a lieu, from its page or from a visit there (which it is then part of). */
export const newOfLieuHref = (lieuId: string, visitId?: string) =>
  `${newHref()}?${new URLSearchParams({ lieu: lieuId, ...(visitId ? { visite: visitId } : {}) })}`;
export const diagnosticHref = (id: string) => hrefTo(SCREEN, id);
/** Sections are numbered from 1, as the concierge reads them ("Section 3 sur 10"). */
export const sectionHref = (id: string, index: number) => hrefTo(SCREEN, id, SECTION_PATH, String(index));
export const compareHref = (id: string, otherId?: string) =>
  `${hrefTo(SCREEN, id, COMPARE_PATH)}${otherId ? `?avec=${encodeURIComponent(otherId)}` : ''}`;
export const gridsHref = () => hrefTo(SCREEN, GRIDS_PATH);
export const gridHref = (templateId: string) => hrefTo(SCREEN, GRIDS_PATH, templateId);
