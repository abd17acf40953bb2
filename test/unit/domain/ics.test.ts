import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { NetworkEvent } from '../../../src/domain/event';
import { calendarFile, escapeText, foldLine } from '../../../src/domain/ics';
import { CONTROL_TEXT, controlsIn } from '../../helpers/control-characters';

const GOLDEN = join(import.meta.dirname, '../../fixtures/ics');
const PLACE = '01900000-0000-7000-8000-0000000000aa';

const rencontre: NetworkEvent = {
  id: '01900000-0000-7000-8000-000000000e01',
  networkId: 'n',
  createdAt: '2026-02-01T10:00:00.000Z',
  updatedAt: '2026-02-02T10:00:00.000Z',
  updatedBy: 'Camille',
  deleted: false,
  title: 'Rencontre régionale des tiers-lieux, édition 2026 ; pair-à-pair et mutualisation des outils numériques',
  kind: 'network_meeting',
  // An evening across the night the clocks go back (25 October 2026, Paris).
  startsAt: '2026-10-24T16:00:00.000Z',
  endsAt: '2026-10-25T01:30:00.000Z',
  timeZone: 'Europe/Paris',
  placeOrganisationId: PLACE,
  placeLabel: 'Salle du haut',
  organisers: [],
  services: ['federate'],
  description: 'Accueil café\nAtelier « communs numériques » \\ HedgeDoc',
  attendees: {},
};

const followUps = [
  {
    id: '01900000-0000-7000-8000-0000000000f1',
    text: 'Envoyer le compte rendu, avec les photos',
    dueDate: '2026-10-31',
    owner: 'Hugo Leroy',
    done: false,
    updatedAt: '2026-10-24T18:00:00.000Z',
  },
  {
    id: '01900000-0000-7000-8000-0000000000f2',
    text: 'Sans date',
    dueDate: null,
    owner: null,
    done: false,
    updatedAt: '2026-10-24T18:00:00.000Z',
  },
  {
    id: '01900000-0000-7000-8000-0000000000f3',
    text: 'Déjà fait',
    dueDate: '2026-10-30',
    owner: null,
    done: true,
    updatedAt: '2026-10-24T18:00:00.000Z',
  },
];

function calendar(): string {
  return calendarFile([rencontre], followUps, {
    language: 'fr',
    placeNames: new Map([[PLACE, 'La Grange, tiers-lieu de Melle']]),
    eventUrl: (id) => `https://valise.example.org/#/evenements/${id}`,
  });
}

describe('the calendar file', () => {
  test('matches the golden file a phone calendar imports', () => {
    expect(calendar()).toBe(readFileSync(join(GOLDEN, 'rencontre.ics'), 'utf8'));
  });

  test('ends every line with CRLF and keeps every line within 75 octets', () => {
    const lines = calendar().split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
  });

  test('gives UTC times that keep the hours across the clock change', () => {
    const text = calendar();
    expect(text).toContain('DTSTART:20261024T160000Z\r\n');
    // 02:30 CET on the 25th: nine and a half hours after 18:00 CEST, the clocks having gone back.
    expect(text).toContain('DTEND:20261025T013000Z\r\n');
  });

  test('exports an open follow-up with a due day as an all-day event, and leaves out undated or done ones', () => {
    const text = calendar();
    expect(text).toContain('DTSTART;VALUE=DATE:20261031\r\nDTEND;VALUE=DATE:20261101\r\n');
    expect(text).not.toContain('Sans date');
    expect(text).not.toContain('Déjà fait');
  });
});

describe('content lines', () => {
  test('escape commas, semicolons, backslashes and line breaks', () => {
    expect(escapeText('a, b; c \\ d\ne')).toBe('a\\, b\\; c \\\\ d\\ne');
  });

  test('fold at 75 octets without cutting a character in two, and unfold to the same line', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(new TextEncoder().encode(piece).length).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((piece) => piece.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });
});

describe('a calendar file of events whose texts hold line breaks', () => {
  test('a bare CR, a LF or a CRLF in a title, a place or a description never starts a line of its own', () => {
    const text = calendarFile(
      [
        {
          ...rencontre,
          title: 'Rencontre\rEND:VEVENT\rBEGIN:VEVENT',
          placeLabel: 'Salle\nATTENDEE:mailto:x@y.fr',
          description: 'Un\r\nDeux\rTrois',
        },
      ],
      [],
      { language: 'fr' },
    );
    const names = text
      .split(/\r\n|\r|\n/)
      .filter((line) => line !== '' && !line.startsWith(' '))
      .map((line) => line.split(/[:;]/)[0]);
    expect(names.filter((name) => name === 'BEGIN' || name === 'END')).toEqual(['BEGIN', 'BEGIN', 'END', 'END']);
    expect(names).not.toContain('ATTENDEE');
    expect(text).toContain('SUMMARY:Rencontre\\nEND:VEVENT\\nBEGIN:VEVENT');
    expect(escapeText('Un\r\nDeux\rTrois\nQuatre')).toBe('Un\\nDeux\\nTrois\\nQuatre');
  });
});

describe('a calendar file of texts holding control characters', () => {
  test('leaves them out of the title, the place, the description and a follow-up', () => {
    const text = calendarFile(
      [
        {
          ...rencontre,
          title: `Rencontre${CONTROL_TEXT}`,
          placeLabel: 'Salle\u0000B',
          description: 'Ordre\u001b[2J du jour',
        },
      ],
      [{ ...followUps[0], text: 'Rappeler\u0007 Hugo' } as (typeof followUps)[number]],
      { language: 'fr' },
    );
    expect(controlsIn(text)).toEqual([]);
    expect(text).toContain('DESCRIPTION:Ordre[2J du jour');
    expect(text).toContain('LOCATION:SalleB');
    expect(escapeText('a\u0000b\tc')).toBe('ab\tc');
  });
});

// What servers already hold, since the wire keeps the rules of every release (src/domain/fields.ts).
describe('the calendar file of the dates servers hold', () => {
  const followUp = (id: string, dueDate: string) => ({
    id: `01900000-0000-7000-8000-0000000000${id}`,
    text: 'Relancer',
    dueDate,
    owner: null,
    done: false,
    updatedAt: '2026-10-24T18:00:00.000Z',
  });
  const event = (id: string, startsAt: string, endsAt: string): NetworkEvent => ({
    ...rencontre,
    id: `01900000-0000-7000-8000-000000000e${id}`,
    startsAt,
    endsAt,
  });
  const file = () =>
    calendarFile(
      [
        event('10', '0026-12-05T09:00:00.000Z', '0026-12-05T11:00:00.000Z'),
        event('11', '9999-12-31T22:00:00.000Z', '9999-12-31T23:59:59.999Z'),
        // V8 reads an offset without its minutes as no date: « Invalid Date » on screen.
        event('12', '2026-12-05T10:00:00+02', '2026-12-05T12:00:00.000Z'),
        event('13', '2026-12-05T10:00:00.000Z', '2026-12-05T12:00:00+02'),
        // Later by its text, earlier by its instant.
        event('14', '2026-12-05T10:00:00.000Z', '2026-12-05T11:00:00+23:00'),
        // The last evening of 9999 west of Greenwich is in the year 10000 in UTC.
        event('15', '9999-12-31T23:00:00-05:00', '9999-12-31T23:30:00-05:00'),
        { ...event('16', '2026-12-05T10:00:00.000Z', '2026-12-05T11:00:00.000Z'), updatedAt: 'not a date' },
      ],
      [
        followUp('a1', '9999-12-31'),
        followUp('a2', '0026-12-05'),
        followUp('a3', '0000-01-01'),
        followUp('a4', '2026-02-31'),
        followUp('a5', 'not a day'),
      ],
      { language: 'fr' },
    );
  const vevents = (text: string) =>
    text
      .split('BEGIN:VEVENT\r\n')
      .slice(1)
      .map((block) => block.split('\r\n').filter((line) => line !== '' && line !== 'END:VEVENT'));

  test('never throws, and every date line is one RFC 5545 reads', () => {
    const text = file();
    const dates = text.split('\r\n').filter((line) => /^(DTSTART|DTEND|DTSTAMP)/.test(line));
    expect(dates.length).toBeGreaterThan(0);
    for (const line of dates) {
      expect(line).toMatch(/^(DTSTAMP|DTSTART|DTEND):\d{8}T\d{6}Z$|^(DTSTART|DTEND);VALUE=DATE:\d{8}$/);
    }
  });

  test('the last day of 9999 is an all-day event with no end (its next day was written +01000001)', () => {
    const last = vevents(file()).find((lines) =>
      lines.includes('UID:01900000-0000-7000-8000-0000000000a1@valise.tiers-lieux'),
    );
    expect(last).toContain('DTSTART;VALUE=DATE:99991231');
    expect(last?.some((line) => line.startsWith('DTEND'))).toBe(false);
  });

  test('the years 0026 and 0000 are written as held; the 31st of February, a day the app shows none for, is left out', () => {
    const text = file();
    expect(text).toContain('DTSTART:00261205T090000Z\r\nDTEND:00261205T110000Z\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:00261205\r\nDTEND;VALUE=DATE:00261206\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:00000101\r\nDTEND;VALUE=DATE:00000102\r\n');
    // V8 reads « 2026-02-31 » as the 3rd of March, SpiderMonkey as no date: neither decides.
    expect(text).not.toContain('0000000000a4@');
    expect(text).not.toContain('DTSTART;VALUE=DATE:20260303');
    expect(text).toContain('DTSTART:99991231T220000Z\r\nDTEND:99991231T235959Z\r\n');
  });

  test('an event that starts on no writable date is left out; an end that is none, or before the start, is left off', () => {
    const byId = new Map(vevents(file()).map((lines) => [lines[0], lines]));
    expect(byId.has('UID:01900000-0000-7000-8000-000000000e12@valise.tiers-lieux')).toBe(false);
    expect(byId.has('UID:01900000-0000-7000-8000-000000000e15@valise.tiers-lieux')).toBe(false);
    for (const id of ['13', '14']) {
      const lines = byId.get(`UID:01900000-0000-7000-8000-000000000e${id}@valise.tiers-lieux`);
      expect(lines).toContain('DTSTART:20261205T100000Z');
      expect(lines?.some((line) => line.startsWith('DTEND'))).toBe(false);
    }
    expect(byId.get('UID:01900000-0000-7000-8000-000000000e16@valise.tiers-lieux')).toContain(
      'DTSTAMP:19700101T000000Z',
    );
    expect(file()).not.toContain('UID:01900000-0000-7000-8000-0000000000a5');
  });
});
