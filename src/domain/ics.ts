// Calendar files (RFC 5545) a phone's calendar imports: events as VEVENTs in UTC (exact
// whatever the reader's zone, no VTIMEZONE to ship), follow-ups with a due day as all-day
// events (phone calendars ignore VTODO). Lines end in CRLF and fold at 75 octets.

import { withoutControlCharacters } from './control-characters';
import { utcDay } from './days';
import type { NetworkEvent } from './event';
import { EVENT_KIND_LABELS } from './event-labels';
import type { FollowUp } from './follow-up';
import { labelOf } from './label-of';

interface IcsOptions {
  /** Names the product in PRODID and the domain part of UIDs. */
  language: 'fr' | 'en';
  /** Organisation names by id, for LOCATION. */
  placeNames?: ReadonlyMap<string, string>;
  /** Link back to each event in the app (its origin + hash), for URL. */
  eventUrl?: (eventId: string) => string;
}

const UID_DOMAIN = 'valise.tiers-lieux';
const FOLLOW_UP_PREFIX = { fr: 'À faire\u00a0: ', en: 'To do: ' };

export function calendarFile(
  events: readonly NetworkEvent[],
  followUps: readonly Pick<FollowUp, 'id' | 'text' | 'dueDate' | 'owner' | 'done' | 'updatedAt'>[],
  options: IcsOptions,
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Valise//Événements du réseau//${options.language.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const event of events) lines.push(...eventLines(event, options));
  for (const followUp of followUps) {
    const day = followUp.done ? null : dayOf(followUp.dueDate);
    if (day === null) continue;
    const end = dayOf(day.next);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${followUp.id}@${UID_DOMAIN}`,
      `DTSTAMP:${stamp(followUp.updatedAt)}`,
      `DTSTART;VALUE=DATE:${day.value}`,
      // Without an end, an all-day event lasts its one day (RFC 5545 §3.6.1): the last day of
      // 9999 has no next day a calendar can read.
      ...(end ? [`DTEND;VALUE=DATE:${end.value}`] : []),
      `SUMMARY:${escapeText(FOLLOW_UP_PREFIX[options.language] + followUp.text)}`,
      ...(followUp.owner ? [`DESCRIPTION:${escapeText(followUp.owner)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

function eventLines(event: NetworkEvent, options: IcsOptions): string[] {
  const place = [
    event.placeOrganisationId ? options.placeNames?.get(event.placeOrganisationId) : null,
    event.placeLabel,
  ]
    .filter((part): part is string => Boolean(part?.trim()))
    .join(', ');
  const start = utc(event.startsAt);
  // A start that is no date, or none a calendar can write, places the event nowhere.
  if (start === null) return [];
  const end = utc(event.endsAt);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.id}@${UID_DOMAIN}`,
    `DTSTAMP:${stamp(event.updatedAt)}`,
    `DTSTART:${start.value}`,
    // An end must come after the start (§3.8.2.2): without one, the event is its start.
    ...(end !== null && end.epoch > start.epoch ? [`DTEND:${end.value}`] : []),
    `SUMMARY:${escapeText(event.title)}`,
    `CATEGORIES:${escapeText(labelOf(EVENT_KIND_LABELS, event.kind, options.language))}`,
  ];
  if (place) lines.push(`LOCATION:${escapeText(place)}`);
  if (event.description?.trim()) lines.push(`DESCRIPTION:${escapeText(event.description.trim())}`);
  if (options.eventUrl) lines.push(`URL:${options.eventUrl(event.id)}`);
  lines.push('END:VEVENT');
  return lines;
}

// Records hold what earlier releases and servers let in (src/domain/fields.ts: any four-digit
// year, offsets some engines read as no date, the 31st of February): a line is written only for
// a date of the years 0000 to 9999 in UTC, the only ones RFC 5545 writes.
const WRITABLE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/** 2026-03-03T08:30:00.000Z → 20260303T083000Z; null for no date, or one outside 0000–9999. */
function utc(instant: string): { value: string; epoch: number } | null {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  if (!WRITABLE.test(iso)) return null;
  return { value: `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`, epoch: date.getTime() };
}

/** DTSTAMP is required: a record's own date that cannot be written is replaced by the epoch. */
const stamp = (instant: string) => utc(instant)?.value ?? '19700101T000000Z';

/**
 * A due day as a calendar writes it (20261205) and the day after it (yyyy-MM-dd), or null when
 * it cannot be written: a day no calendar has (« 2026-02-31 ») is left out, as the app shows
 * no day for it, in every browser.
 */
function dayOf(day: string | null | undefined): { value: string; next: string } | null {
  const date = day ? utcDay(day) : null;
  if (!day || !date) return null;
  date.setUTCDate(date.getUTCDate() + 1);
  return { value: day.replaceAll('-', ''), next: date.toISOString().slice(0, 10) };
}

/**
 * TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as \n;
 * the other control characters, which a TEXT value may not hold (tab aside), left out.
 */
export function escapeText(text: string): string {
  return withoutControlCharacters(text)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line into pieces of at most 75 octets, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  // A continuation line starts with a space, which counts toward its 75 octets.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}
