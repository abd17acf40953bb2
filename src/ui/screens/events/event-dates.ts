// An event's times as its place's clocks show them (Europe/Paris by default), whatever the
// zone of the device reading them.
import { format } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import { dayToken } from '../../../domain/day-of-month';
import type { NetworkEvent } from '../../../domain/event';
import { DEFAULT_TIME_ZONE, toWallClock, type WallClock } from '../../../domain/time-zone';
import type { Language } from '../../../state/ui';

const LOCALES = { fr, en: enGB } as const;

/** A local Date showing the wall clock's values, for date-fns to format. */
function wallDate({ date, time }: WallClock): Date {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return new Date(year, month - 1, day, hour, minute);
}

export function zoneOf(event: Pick<NetworkEvent, 'timeZone'>): string {
  return event.timeZone || DEFAULT_TIME_ZONE;
}

/** « mardi 3 mars 2026 » in the event's zone. */
function eventDay(instant: string, zone: string, lang: Language): string {
  const date = wallDate(toWallClock(instant, zone));
  return format(date, `EEEE ${dayToken(date, lang)} MMMM yyyy`, { locale: LOCALES[lang] });
}

/** « mar. 3 mars » — compact, for the agenda and the notes of a multi-day event. */
export function eventShortDay(instant: string, zone: string, lang: Language): string {
  const date = wallDate(toWallClock(instant, zone));
  return format(date, `EEE ${dayToken(date, lang)} MMM`, { locale: LOCALES[lang] });
}

/** « mar. » and « 3 mars », for the agenda's date column. */
export function eventDayParts(instant: string, zone: string, lang: Language): { weekday: string; day: string } {
  const date = wallDate(toWallClock(instant, zone));
  return {
    weekday: format(date, 'EEE', { locale: LOCALES[lang] }),
    day: format(date, `${dayToken(date, lang)} MMM`, { locale: LOCALES[lang] }),
  };
}

export function eventTime(instant: string, zone: string): string {
  return toWallClock(instant, zone).time;
}

interface SpanWords {
  sameDay: (day: string, from: string, to: string) => string;
  range: (from: string, to: string) => string;
  dayAt: (day: string, time: string) => string;
  timeZoneOf: (zone: string) => string;
}

/** « mardi 3 mars 2026, 09:30 – 17:00 », or a range over several days; the zone named unless it is the device's. */
export function eventSpan(
  event: Pick<NetworkEvent, 'startsAt' | 'endsAt' | 'timeZone'>,
  lang: Language,
  words: SpanWords,
  deviceZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string {
  const zone = zoneOf(event);
  const startDay = toWallClock(event.startsAt, zone).date;
  const endDay = toWallClock(event.endsAt, zone).date;
  const text =
    startDay === endDay
      ? words.sameDay(
          eventDay(event.startsAt, zone, lang),
          eventTime(event.startsAt, zone),
          eventTime(event.endsAt, zone),
        )
      : words.range(
          words.dayAt(eventDay(event.startsAt, zone, lang), eventTime(event.startsAt, zone)),
          words.dayAt(eventDay(event.endsAt, zone, lang), eventTime(event.endsAt, zone)),
        );
  return zone === deviceZone ? text : `${text} · ${words.timeZoneOf(timeZoneName(zone, lang))}`;
}

/**
 * The places of the event form's zones whose identifier is spelt in English ("Reunion",
 * "Noumea"): a French screen writes them as French does. The others read the same in both.
 */
const FRENCH_PLACES: Readonly<Record<string, string>> = {
  'Indian/Reunion': 'La Réunion',
  'Pacific/Noumea': 'Nouméa',
};

/**
 * A zone as people say it: its place and the zone's everyday name from Intl, « Paris (heure
 * d’Europe centrale) », « La Réunion (heure de La Réunion) »; the identifier if Intl knows none.
 */
export function timeZoneName(zone: string, lang: Language): string {
  const city =
    (lang === 'fr' ? FRENCH_PLACES[zone] : undefined) ?? zone.split('/').at(-1)?.replaceAll('_', ' ') ?? zone;
  try {
    const generic = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      timeZone: zone,
      timeZoneName: 'longGeneric',
    })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value;
    return generic ? `${city} (${generic})` : city;
  } catch {
    return zone;
  }
}
