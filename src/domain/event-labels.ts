// Words of the event vocabulary in both languages, shared by the screens and the recap (which
// is rendered as text outside any screen).
import type { NoteTag } from './event';
import type { EventKind } from './vocabulary';

export const EVENT_KIND_LABELS: Record<EventKind, { fr: string; en: string }> = {
  network_meeting: { fr: 'Rencontre réseau', en: 'Network meeting' },
  peer_exchange: { fr: 'Échange pair-à-pair', en: 'Peer exchange' },
  training: { fr: 'Formation', en: 'Training' },
  workshop: { fr: 'Atelier', en: 'Workshop' },
  social: { fr: 'Apéro / convivialité', en: 'Social gathering' },
  governance: { fr: 'Comité / gouvernance', en: 'Committee / governance' },
  fair: { fr: 'Salon / représentation', en: 'Fair / representation' },
  other: { fr: 'Autre', en: 'Other' },
};

export const NOTE_TAG_LABELS: Record<NoteTag, { fr: string; en: string }> = {
  note: { fr: 'Note', en: 'Note' },
  decision: { fr: 'Décision', en: 'Decision' },
  idea: { fr: 'Idée', en: 'Idea' },
  action: { fr: 'Action', en: 'Action' },
  question: { fr: 'Question', en: 'Question' },
};
