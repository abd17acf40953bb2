// The recap of an event to copy into a message or the network's wiki: what it was, who came,
// what was decided, what is to be done, and the timeline of notes. Markdown (readable as
// plain text too) or MediaWiki wikitext, in French or English.

import { formatWithOrdinalFirst } from './day-of-month';
import { utcDay } from './days';
import type { EventNote, NetworkEvent, NoteTag } from './event';
import { noteNeedsDay, timelineOrder } from './event-agenda';
import { EVENT_KIND_LABELS } from './event-labels';
import { labelOf } from './label-of';
import { markdownCell, markdownText, wikiCell, wikiLiteral } from './markup-text';
import { formatNumber } from './numbers';
import { SERVICE_LABELS } from './services';
import { DEFAULT_TIME_ZONE, toWallClock } from './time-zone';

type RecapLanguage = 'fr' | 'en';
export type RecapFormat = 'markdown' | 'wikitext';

interface RecapFollowUp {
  id: string;
  text: string;
  owner?: string | null | undefined;
  dueDate?: string | null | undefined;
  done: boolean;
}

export interface RecapPlace {
  name: string;
  commune?: string | null | undefined;
}

interface RecapInput {
  event: NetworkEvent;
  notes: readonly EventNote[];
  /** Follow-ups created from the event (`eventId`). */
  followUps?: readonly RecapFollowUp[];
  /**
   * The organisation the event took place at, when it has one: its name and commune as typed,
   * never the screen's bidi-isolated label (isolates pasted elsewhere are invisible clutter).
   */
  place?: RecapPlace | null | undefined;
}

const WORDS = {
  fr: {
    colon: '\u00a0:',
    kind: 'Type',
    when: 'Quand',
    place: 'Lieu',
    organisers: 'Organisé par',
    services: 'Services du réseau',
    present: (n: number) => `Présent·es (${formatNumber(n, 'fr')})`,
    invited: (n: number) => `Inscrit·es, présence non notée (${formatNumber(n, 'fr')})`,
    excused: (n: number) => `Excusé·es (${formatNumber(n, 'fr')})`,
    sections: { decision: 'Décisions', action: 'Actions', idea: 'Idées', question: 'Questions', note: 'Notes' },
    followUps: 'Suites à donner',
    due: (day: string) => `pour le ${day}`,
    range: (from: string, to: string) => `du ${from} au ${to}`,
    sameDay: (day: string, from: string, to: string) => `${day}, de ${from} à ${to}`,
    at: (day: string, time: string) => `${day} à ${time}`,
    timeZone: (zone: string) => `heure de ${zone}`,
  },
  en: {
    colon: ':',
    kind: 'Kind',
    when: 'When',
    place: 'Place',
    organisers: 'Organised by',
    services: 'Network services',
    present: (n: number) => `Present (${formatNumber(n, 'en')})`,
    invited: (n: number) => `Registered, attendance not noted (${formatNumber(n, 'en')})`,
    excused: (n: number) => `Excused (${formatNumber(n, 'en')})`,
    sections: { decision: 'Decisions', action: 'Actions', idea: 'Ideas', question: 'Questions', note: 'Notes' },
    followUps: 'Follow-ups',
    due: (day: string) => `due ${day}`,
    range: (from: string, to: string) => `from ${from} to ${to}`,
    sameDay: (day: string, from: string, to: string) => `${day}, ${from} to ${to}`,
    at: (day: string, time: string) => `${day} at ${time}`,
    timeZone: (zone: string) => `${zone} time`,
  },
} satisfies Record<RecapLanguage, unknown>;

/** Sections of notes, in the order a reader wants them. */
const SECTION_ORDER: readonly NoteTag[] = ['decision', 'action', 'idea', 'question', 'note'];

type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: { text: string; checked?: boolean }[] };

export function renderEventRecap(input: RecapInput, lang: RecapLanguage, format: RecapFormat = 'markdown'): string {
  const blocks = recapBlocks(input, lang);
  const { colon } = WORDS[lang];
  return format === 'markdown' ? toMarkdown(blocks, colon) : toWikitext(blocks, colon);
}

function recapBlocks({ event, notes, followUps = [], place: organisation }: RecapInput, lang: RecapLanguage): Block[] {
  const words = WORDS[lang];
  const zone = event.timeZone || DEFAULT_TIME_ZONE;
  const days = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  });
  // Records hold what earlier releases let in: a date no engine reads is written as stored.
  const unreadable = (instant: string) => Number.isNaN(Date.parse(instant));
  const dayOf = (instant: string) => (unreadable(instant) ? instant : formatWithOrdinalFirst(days, new Date(instant)));
  const wallOf = (instant: string) => (unreadable(instant) ? { date: instant, time: '' } : toWallClock(instant, zone));
  const start = wallOf(event.startsAt);
  const end = wallOf(event.endsAt);
  const multiDay = start.date !== end.date;
  let when = multiDay
    ? words.range(words.at(dayOf(event.startsAt), start.time), words.at(dayOf(event.endsAt), end.time))
    : words.sameDay(dayOf(event.startsAt), start.time, end.time);
  if (zone !== DEFAULT_TIME_ZONE) when += ` (${words.timeZone(zone)})`;

  const place = [organisation?.name, organisation?.commune, event.placeLabel]
    .filter((part): part is string => Boolean(part?.trim()))
    .join(', ');
  const rows: [string, string][] = [
    [words.kind, labelOf(EVENT_KIND_LABELS, event.kind, lang)],
    [words.when, when],
  ];
  if (place) rows.push([words.place, place]);
  if (event.organisers.length > 0) rows.push([words.organisers, event.organisers.join(', ')]);
  if (event.services.length > 0) {
    rows.push([words.services, event.services.map((service) => labelOf(SERVICE_LABELS, service, lang)).join(', ')]);
  }
  const blocks: Block[] = [
    { kind: 'title', text: event.title },
    { kind: 'facts', rows },
  ];
  if (event.description?.trim()) blocks.push({ kind: 'paragraph', text: event.description.trim() });

  const attendees = Object.values(event.attendees);
  const namesWith = (status: string) =>
    attendees
      .filter((attendee) => attendee.status === status)
      .map((attendee) => attendee.name)
      .sort((a, b) => a.localeCompare(b, lang));
  for (const [status, heading] of [
    ['present', words.present],
    ['invited', words.invited],
    ['excused', words.excused],
  ] as const) {
    const names = namesWith(status);
    if (names.length === 0) continue;
    blocks.push(
      { kind: 'heading', text: heading(names.length) },
      { kind: 'list', items: names.map((text) => ({ text })) },
    );
  }

  const followUpIds = new Set(followUps.map((followUp) => followUp.id));
  const timeOf = (note: EventNote) => {
    const written = wallOf(note.writtenAt);
    return noteNeedsDay(event, note.writtenAt, zone) ? words.at(dayOf(note.writtenAt), written.time) : written.time;
  };
  const live = timelineOrder(notes.filter((note) => !note.deleted));
  for (const tag of SECTION_ORDER) {
    // An action that became a follow-up is listed once, with its owner and due date, below.
    const items = live
      .filter((note) => note.tag === tag && !(note.followUpId && followUpIds.has(note.followUpId)))
      .map((note) => ({
        text: `${timeOf(note)} — ${note.text.trim()}${note.authorName ? ` (${note.authorName})` : ''}`,
      }));
    if (items.length > 0) blocks.push({ kind: 'heading', text: words.sections[tag] }, { kind: 'list', items });
  }

  if (followUps.length > 0) {
    const dueFormat = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    // A day no calendar has (« 2026-02-31 ») is written as stored, in every browser.
    const dueText = (day: string) => {
      const date = utcDay(day);
      return date ? formatWithOrdinalFirst(dueFormat, date) : day;
    };
    const items = followUps.map((followUp) => {
      const details = [followUp.owner?.trim(), followUp.dueDate ? words.due(dueText(followUp.dueDate)) : ''].filter(
        Boolean,
      );
      return { text: [followUp.text.trim(), ...details].join(' — '), checked: followUp.done };
    });
    blocks.push({ kind: 'heading', text: words.followUps }, { kind: 'list', items });
  }
  return blocks;
}

function toMarkdown(blocks: readonly Block[], colon: string): string {
  return `${blocks.map((block) => markdownBlock(block, colon)).join('\n\n')}\n`;
}

function markdownBlock(block: Block, colon: string): string {
  switch (block.kind) {
    case 'title':
      return `# ${markdownCell(block.text)}`;
    case 'heading':
      return `## ${block.text}`;
    case 'facts':
      return block.rows.map(([label, value]) => `- **${label}${colon}** ${markdownCell(value)}`).join('\n');
    case 'paragraph':
      return markdownText(block.text, '');
    default:
      return block.items
        .map((item) => {
          const box = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
          // Continuation lines are indented so they stay inside their list item.
          return `- ${box}${markdownText(item.text)}`;
        })
        .join('\n');
  }
}

function toWikitext(blocks: readonly Block[], colon: string): string {
  return `${blocks.map((block) => wikitextBlock(block, colon)).join('\n\n')}\n`;
}

function wikitextBlock(block: Block, colon: string): string {
  switch (block.kind) {
    case 'title':
      return `== ${wikiCell(block.text)} ==`;
    case 'heading':
      return `=== ${block.text} ===`;
    case 'facts':
      return block.rows.map(([label, value]) => `; ${label}${colon} ${wikiCell(value)}`).join('\n');
    case 'paragraph':
      // A line starting with list or heading markup stays text.
      return block.text
        .split(/\r\n|\r|\n/)
        .map((line) => (/^[*#:;= -]/.test(line) ? `<nowiki/>${wikiLiteral(line)}` : wikiLiteral(line)))
        .join('\n');
    default:
      return block.items
        .map((item) => {
          const box = item.checked === undefined ? '' : item.checked ? '☑ ' : '☐ ';
          return `* ${box}${item.text
            .split(/\r\n|\r|\n/)
            .map(wikiLiteral)
            .join('<br />')}`;
        })
        .join('\n');
  }
}
