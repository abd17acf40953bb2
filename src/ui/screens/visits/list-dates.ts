// Dates of the visit list with the browser's Intl, not date-fns: the list is the first
// screen and must stay small.

import { formatWithOrdinalFirst } from '../../../domain/day-of-month';
import type { Language } from '../../../state/ui';

const formats = new Map<Language, Intl.DateTimeFormat>();

/** « 3 mars 2026, 14:05 », « 1er avr. 2026, 09:00 » / "3 Mar 2026, 14:05". */
export function listDateTime(value: string, lang: Language): string {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(lang, format);
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : formatWithOrdinalFirst(format, date);
}
