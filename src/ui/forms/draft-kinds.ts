// The kinds of form that keep drafts, with the words and the address that reopen one, for the
// list of drafts ("Brouillons (2)").
import type { Draft } from '../../db/drafts';
import { hrefTo } from '../../state/router';
import type { Language } from '../../state/ui';
import { DRAFT_PARAM } from './draft-param';

interface DraftKind {
  label: Record<Language, string>;
  /** The form to reopen, with the draft named in its address. */
  href: (draft: Draft) => string;
}

const withDraft = (href: string, draft: Draft) => `${href}?${DRAFT_PARAM}=${encodeURIComponent(draft.id)}`;

const form = (newPath: string[], editPath: (id: string) => string[]) => (draft: Draft) =>
  withDraft(hrefTo(...(draft.recordId ? editPath(draft.recordId) : newPath)), draft);

export const DRAFT_KINDS: Record<string, DraftKind> = {
  visit: {
    label: { fr: 'Visite', en: 'Visit' },
    href: form(['visites', 'nouvelle'], (id) => ['visites', id, 'modifier']),
  },
  person: {
    label: { fr: 'Personne', en: 'Person' },
    href: form(['contacts', 'personne', 'nouveau'], (id) => ['contacts', 'personne', id, 'modifier']),
  },
  lieu: {
    label: { fr: 'Lieu', en: 'Place' },
    href: form(['contacts', 'lieu', 'nouveau'], (id) => ['contacts', 'lieu', id, 'modifier']),
  },
  event: {
    label: { fr: 'Événement', en: 'Event' },
    href: form(['evenements', 'nouveau'], (id) => ['evenements', id, 'modifier']),
  },
  'toolbox-item': {
    label: { fr: 'Élément de la valise', en: 'Toolbox item' },
    href: form(['valise', 'nouveau'], (id) => ['valise', 'element', id, 'modifier']),
  },
  eventNote: {
    label: { fr: 'Note d’événement', en: 'Event note' },
    href: (draft) => hrefTo('evenements', draft.recordId ?? ''),
  },
};

export const DRAFT_KIND_NAMES = Object.keys(DRAFT_KINDS);
