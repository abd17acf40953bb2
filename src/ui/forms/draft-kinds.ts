// The kinds of form that keep drafts, with the words and the address that reopen one, for the
// list of drafts ("Brouillons (2)").
import type { Draft } from '../../db/drafts';
import { hrefTo } from '../../state/router';
import type { Language } from '../../state/ui';
import { DRAFT_KIND_NAMES, DRAFT_PARAM } from './draft-param';

interface DraftKind {
  label: Record<Language, string>;
  /** The form to reopen, with the draft named in its address. */
  href: (draft: Draft) => string;
}

const withDraft = (href: string, draft: Draft) => `${href}?${DRAFT_PARAM}=${encodeURIComponent(draft.id)}`;

const form = (newPath: string[], editPath: (id: string) => string[]) => (draft: Draft) =>
  withDraft(hrefTo(...(draft.recordId ? editPath(draft.recordId) : newPath)), draft);

const DRAFT_KINDS: Record<(typeof DRAFT_KIND_NAMES)[number], DraftKind> = {
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
  visitFollowUp: {
    label: { fr: 'Suivi de visite', en: 'Visit follow-up' },
    href: (draft) => hrefTo('visites', draft.recordId ?? ''),
  },
  eventFollowUp: {
    label: { fr: 'Suivi d’événement', en: 'Event follow-up' },
    href: (draft) => hrefTo('evenements', draft.recordId ?? ''),
  },
  eventAttendee: {
    label: { fr: 'Personne à ajouter à un événement', en: 'Person to add to an event' },
    href: (draft) => hrefTo('evenements', draft.recordId ?? ''),
  },
};

/** The words and address of a draft's kind, if it is one the list shows. */
export function draftKind(kind: string): DraftKind | undefined {
  return (DRAFT_KIND_NAMES as readonly string[]).includes(kind)
    ? DRAFT_KINDS[kind as (typeof DRAFT_KIND_NAMES)[number]]
    : undefined;
}
