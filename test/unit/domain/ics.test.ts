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
