// How Réglages names a record it lists (a refused change, a text to settle): its kind, its name
// and a visit's day, a link to its page while the record is on this device.
import { isolate } from '../../../../domain/bidi';
import type { RecordType } from '../../../../domain/record-types';
import { hrefTo } from '../../../../state/router';
import { useDates } from '../../../i18n/dates';
import { useMessages } from '../../../i18n/messages';
import { lieuHref, personHref } from '../../contacts/paths';
import { diagnosticHref } from '../../diagnostics/paths';
import { visitHref } from '../../visits/paths';
import { messages } from './messages';

/** Where a record of these types opens; the others are reached from their screen's lists. */
const RECORD_HREFS: Partial<Record<RecordType, (id: string) => string>> = {
  visits: visitHref,
  organisations: lieuHref,
  contacts: personHref,
  diagnostics: diagnosticHref,
  events: (id) => hrefTo('evenements', id),
};

interface Props {
  type: string;
  id: string;
  /** Any device's text: isolated, so an override in it cannot turn the sentence around. */
  name: string;
  visitedAt: string | null;
  exists: boolean;
}

/**
 * "Visite · ⁨Café des Halles⁩ · 3 décembre 2026". A visit is named by its lieu, as its page's
 * title is: without its kind, « Café des Halles — Champ « Notes » » read as the lieu's notes.
 */
export function RecordName({ type, id, name, visitedAt, exists }: Props) {
  const t = useMessages(messages);
  const d = useDates();
  const label = [
    t.rejectedType(type),
    name ? isolate(name) : visitedAt ? '' : t.rejectedUnnamed,
    visitedAt ? d.date(visitedAt) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const href = exists ? RECORD_HREFS[type as RecordType] : undefined;
  return <strong>{href ? <a href={href(id)}>{label}</a> : label}</strong>;
}
