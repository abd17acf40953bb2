// Dates as people read them: French by default (« 3 mars 2026 à 14:05 »), British English
// otherwise (day before month, 24-hour clock, like the French originals).
import { format, formatDistance, isValid, parseISO } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import { useMemo } from 'preact/hooks';
import { dayToken } from '../../domain/day-of-month';
import type { Language } from '../../state/ui';
import { useLanguage } from './messages';

const LOCALES = { fr, en: enGB } as const;

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  if (value instanceof Date) return value;
  // A calendar day "yyyy-MM-dd" is a local day: parseISO reads it as local midnight, where
  // `new Date("2026-03-03")` would read UTC midnight and show the 2nd west of Greenwich.
  return typeof value === 'string' ? parseISO(value) : new Date(value);
}

function safely(value: DateInput, render: (date: Date) => string): string {
  const date = toDate(value);
  return isValid(date) ? render(date) : '';
}

/** « 3 mars 2026 », « 1er avril 2026 » / "3 March 2026". */
export function formatDate(value: DateInput, lang: Language): string {
  return safely(value, (date) => format(date, `${dayToken(date, lang)} MMMM yyyy`, { locale: LOCALES[lang] }));
}

/** « 3 mars 2026 à 14:05 » / "3 March 2026 at 14:05". */
export function formatDateTime(value: DateInput, lang: Language): string {
  const at = lang === 'fr' ? "'à'" : "'at'";
  return safely(value, (date) =>
    format(date, `${dayToken(date, lang)} MMMM yyyy ${at} HH:mm`, { locale: LOCALES[lang] }),
  );
}

/** « 03/03/2026 », compact, for tables and lists. */
export function formatShortDate(value: DateInput, lang: Language): string {
  return safely(value, (date) => format(date, 'dd/MM/yyyy', { locale: LOCALES[lang] }));
}

/** « 14:05 ». */
export function formatTime(value: DateInput, lang: Language): string {
  return safely(value, (date) => format(date, 'HH:mm', { locale: LOCALES[lang] }));
}

/** « mardi 3 mars » / "Tuesday 3 March", for agenda headings. */
export function formatWeekday(value: DateInput, lang: Language): string {
  return safely(value, (date) => format(date, `EEEE ${dayToken(date, lang)} MMMM`, { locale: LOCALES[lang] }));
}

/** « il y a 5 minutes » / "5 minutes ago" (« dans 2 jours » for a date to come). */
export function formatRelative(value: DateInput, lang: Language, now: Date = new Date()): string {
  return safely(value, (date) => formatDistance(date, now, { addSuffix: true, locale: LOCALES[lang] }));
}

/**
 * « il y a 5 minutes » for what already happened, stamped by another clock than this device's
 * (a sync's end on the server-corrected clock, a device's last request on the server's): a few
 * milliseconds or minutes of skew put it after `now`, and « dans moins d’une minute » for a sync
 * that just ended reads as one still to come.
 */
export function formatAgo(value: DateInput, lang: Language, now: Date = new Date()): string {
  return safely(value, (date) => formatRelative(date > now ? now : date, lang, now));
}

/** The formatters bound to the current language: `const d = useDates(); d.date(visit.visitedAt)`. */
export function useDates() {
  const lang = useLanguage();
  return useMemo(
    () => ({
      date: (value: DateInput) => formatDate(value, lang),
      dateTime: (value: DateInput) => formatDateTime(value, lang),
      shortDate: (value: DateInput) => formatShortDate(value, lang),
      time: (value: DateInput) => formatTime(value, lang),
      weekday: (value: DateInput) => formatWeekday(value, lang),
      relative: (value: DateInput) => formatRelative(value, lang),
      ago: (value: DateInput) => formatAgo(value, lang),
    }),
    [lang],
  );
}
