import { describe, expect, test } from 'vitest';
import type { EventNote, NetworkEvent } from '../../../src/domain/event';
import { renderEventRecap } from '../../../src/domain/event-recap';
import { CONTROL_TEXT, controlsIn } from '../../helpers/control-characters';

const CAMILLE = '01900000-0000-7000-8000-00000000000a';
const HUGO = '01900000-0000-7000-8000-00000000000b';
const LEA = '01900000-0000-7000-8000-00000000000c';
const FOLLOW_UP = '01900000-0000-7000-8000-0000000000f1';

const base = { networkId: 'n', createdAt: '', updatedAt: '', updatedBy: '', deleted: false };

function rencontre(changes: Partial<NetworkEvent> = {}): NetworkEvent {
  return {
    ...base,
    id: '01900000-0000-7000-8000-000000000e01',
    title: 'Rencontre régionale',
    kind: 'network_meeting',
    startsAt: '2026-03-03T08:30:00.000Z',
    endsAt: '2026-03-03T16:00:00.000Z',
    timeZone: 'Europe/Paris',
    placeLabel: 'Grange de Melle',
    organisers: ['Réseau des tiers-lieux'],
    services: ['federate', 'pool'],
    description: 'Journée annuelle.',
    attendees: {
      [HUGO]: { name: 'Hugo Leroy', status: 'present' },
      [CAMILLE]: { name: 'Camille Martin', status: 'present' },
      [LEA]: { name: 'Léa Petit', status: 'excused' },
    },
    ...changes,
  };
}

let sequence = 0;
function note(
  writtenAt: string,
  tag: EventNote['tag'],
  text: string,
  authorName: string,
  followUpId?: string,
): EventNote {
  sequence += 1;
  return {
    ...base,
    id: `01900000-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    eventId: '01900000-0000-7000-8000-000000000e01',
    text,
    authorName,
    writtenAt,
    tag,
    followUpId: followUpId ?? null,
    editedAt: null,
  };
}

const NOTES = [
  note('2026-03-03T09:40:00.000Z', 'note', 'Tour de table :\n12 lieux présents', 'Hugo'),
  note('2026-03-03T09:05:00.000Z', 'decision', 'Un pair-à-pair par trimestre', 'Camille'),
  note('2026-03-03T10:15:00.000Z', 'action', 'Envoyer le compte rendu', 'Camille', FOLLOW_UP),
  note('2026-03-03T10:20:00.000Z', 'idea', 'Une [[carte]] des lieux', 'Hugo'),
];

describe('the recap of an event', () => {
  test('tells what, when, who, what was decided and what is to be done, in Markdown', () => {
    const text = renderEventRecap(
      {
        event: rencontre(),
        notes: NOTES,
        followUps: [
          { id: FOLLOW_UP, text: 'Envoyer le compte rendu', owner: 'Camille', dueDate: '2026-03-10', done: false },
        ],
        place: { name: 'La Grange', commune: 'Melle' },
      },
      'fr',
    );
    expect(text).toBe(`# Rencontre régionale

- **Type\u00a0:** Rencontre réseau
- **Quand\u00a0:** mardi 3 mars 2026, de 09:30 à 17:00
- **Lieu\u00a0:** La Grange, Melle, Grange de Melle
- **Organisé par\u00a0:** Réseau des tiers-lieux
- **Services du réseau\u00a0:** Fédérer, Mutualiser

Journée annuelle.

## Présent·es (2)

- Camille Martin
- Hugo Leroy

## Excusé·es (1)

- Léa Petit

## Décisions

- 10:05 — Un pair-à-pair par trimestre (Camille)

## Idées

- 11:20 — Une \\[\\[carte\\]\\] des lieux (Hugo)

## Notes

- 10:40 — Tour de table :
  12 lieux présents (Hugo)

## Suites à donner

- [ ] Envoyer le compte rendu — Camille — pour le 10 mars 2026
`);
  });

  test('keeps typed text literal in wikitext and puts a multi-line note in one list item', () => {
    const text = renderEventRecap({ event: rencontre(), notes: NOTES }, 'fr', 'wikitext');
    expect(text).toContain('== Rencontre régionale ==');
    expect(text).toContain('; Quand\u00a0: mardi 3 mars 2026, de 09:30 à 17:00');
    expect(text).toContain('=== Actions ===\n\n* 11:15 — Envoyer le compte rendu (Camille)');
    expect(text).toContain('* 11:20 — Une &#91;&#91;carte&#93;&#93; des lieux (Hugo)');
    expect(text).toContain('* 10:40 — Tour de table :<br />12 lieux présents (Hugo)');
    expect(text).toContain('; Services du réseau\u00a0: Fédérer, Mutualiser');
  });

  test('dates the notes of a multi-day event and names a zone other than Paris', () => {
    const event = rencontre({
      startsAt: '2026-03-03T12:00:00.000Z',
      endsAt: '2026-03-04T20:00:00.000Z',
      timeZone: 'America/Cayenne',
      attendees: {},
    });
    const text = renderEventRecap(
      { event, notes: [note('2026-03-04T13:00:00.000Z', 'decision', 'On continue', 'Léa')] },
      'en',
    );
    expect(text).toContain(
      '- **When:** from Tuesday, 3 March 2026 at 09:00 to Wednesday, 4 March 2026 at 17:00 (America/Cayenne time)',
    );
    expect(text).toContain('- Wednesday, 4 March 2026 at 10:00 — On continue (Léa)');
    expect(text).not.toContain('Present');
  });

  // "15:50" under an event that ended at 14:32 read as a time of the event.
  test('dates a note of a one-day event written on another day, and only that note', () => {
    const text = renderEventRecap(
      {
        event: rencontre({ attendees: {} }),
        notes: [
          note('2026-03-03T09:05:00.000Z', 'decision', 'Un pair-à-pair par trimestre', 'Camille'),
          note('2026-03-05T14:50:00.000Z', 'decision', 'Le compte rendu part lundi', 'Hugo'),
        ],
      },
      'fr',
    );
    expect(text).toContain('- 10:05 — Un pair-à-pair par trimestre (Camille)');
    expect(text).toContain('- jeudi 5 mars 2026 à 15:50 — Le compte rendu part lundi (Hugo)');
  });

  test('gives right-to-left names as typed, without the bidi isolates the screen puts around them', () => {
    const event = rencontre({
      organisers: ['جمعية الحي'],
      attendees: { [HUGO]: { name: 'سارة بن علي', status: 'present' } },
    });
    const place = { name: 'مقهى الحي', commune: 'Melle' };
    for (const format of ['markdown', 'wikitext'] as const) {
      const text = renderEventRecap({ event, notes: [], place }, 'fr', format);
      expect(text).toContain('مقهى الحي, Melle, Grange de Melle');
      expect(text).toContain('جمعية الحي');
      expect(text).toContain('سارة بن علي');
      // FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: invisible once pasted into a message or a wiki.
      expect(text).not.toMatch(/[\u2066-\u2069]/);
    }
  });

  test('leaves deleted notes out', () => {
    const deleted = { ...note('2026-03-03T09:00:00.000Z', 'decision', 'Retirée', 'Hugo'), deleted: true };
    expect(renderEventRecap({ event: rencontre(), notes: [deleted] }, 'fr')).not.toContain('Retirée');
  });
});

describe('names and typed text in the recap stay text', () => {
  const hostile = rencontre({
    title: 'Rencontre\r# Titre piégé <img src=x onerror=alert(1)>',
    placeLabel: '**Grange** [ici](javascript:alert(1))',
    organisers: ['</nowiki >[[Catégorie:Piège]]'],
    description: '# Pas un titre\r- pas une liste\n1. pas une étape',
    attendees: { [HUGO]: { name: '[Hugo](https://ailleurs.fr) __NOTOC__', status: 'present' } },
  });

  test('in Markdown: no heading, link, emphasis, list or tag from a name or a note', () => {
    const text = renderEventRecap({ event: hostile, notes: [] }, 'fr');
    expect(text).toContain('# Rencontre \\# Titre piégé \\<img src=x onerror=alert(1)\\>\n');
    expect(text).toContain('- **Lieu\u00a0:** \\*\\*Grange\\*\\* \\[ici\\](javascript:alert(1))');
    expect(text).toContain('\\# Pas un titre\n\\- pas une liste\n1\\. pas une étape');
    expect(text).toContain('- \\[Hugo\\](https://ailleurs.fr) \\_\\_NOTOC\\_\\_');
    expect(text.split('\n').filter((line) => line.startsWith('# '))).toHaveLength(1);
  });

  test('in wikitext: no tag, link, template or magic word from a name or a note', () => {
    const text = renderEventRecap({ event: hostile, notes: [] }, 'fr', 'wikitext');
    expect(text).toContain('== Rencontre # Titre piégé &lt;img src=x onerror=alert(1)&gt; ==');
    expect(text).toContain('; Organisé par\u00a0: &lt;/nowiki &gt;&#91;&#91;Catégorie:Piège&#93;&#93;');
    expect(text).toContain('* &#91;Hugo&#93;(https://ailleurs.fr) &#95;&#95;NOTOC&#95;&#95;');
    expect(text).toContain('<nowiki/># Pas un titre\n<nowiki/>- pas une liste');
    expect(text).not.toMatch(/<\/?nowiki\s*>|<img/i);
  });
});

describe('the recap of texts holding control characters', () => {
  test('leaves them out in Markdown and in wikitext', () => {
    const event = rencontre({
      title: `Rencontre${CONTROL_TEXT}`,
      placeLabel: 'Grange\u0000',
      organisers: ['Réseau\u001b[31m'],
      description: 'Journée\u000c annuelle',
      attendees: { [HUGO]: { name: 'Hugo\u007f Leroy', status: 'present' } },
    });
    for (const format of ['markdown', 'wikitext'] as const) {
      const text = renderEventRecap({ event, notes: [] }, 'fr', format);
      expect(controlsIn(text)).toEqual([]);
      expect(text).toContain('Hugo Leroy');
      expect(text).toContain('Journée annuelle');
    }
  });
});

// Records hold what earlier releases let in (src/domain/fields.ts): « +02 » is an offset V8 reads as no date.
describe('the recap of an event holding dates servers kept', () => {
  test('writes a date no engine reads as it is stored, and the years 0026 and 9999 as dates', () => {
    const event = rencontre({ startsAt: '2026-03-03T09:30:00+02', endsAt: '2026-03-03T16:00:00+02' });
    const notes = [note('2026-03-03T10:00:00+02', 'decision', 'Un compte rendu', 'Hugo')];
    const followUps = [{ id: FOLLOW_UP, text: 'Relancer', owner: null, dueDate: '2026-02-31x', done: false }];
    const text = renderEventRecap({ event, notes, followUps }, 'fr');
    expect(text).toContain('2026-03-03T09:30:00+02');
    expect(text).toContain('Un compte rendu');
    expect(text).toContain('2026-02-31x');

    const old = renderEventRecap(
      {
        event: rencontre({ startsAt: '0026-12-05T09:00:00.000Z', endsAt: '9999-12-31T23:59:59.999Z' }),
        notes: [],
        followUps: [{ id: FOLLOW_UP, text: 'Relancer', owner: null, dueDate: '9999-12-31', done: false }],
      },
      'fr',
    );
    expect(old).toContain('26');
    expect(old).toContain('10000');
    expect(old).toContain('31 décembre 9999');
  });

  test('writes a due day no calendar has as it is stored, not as the 3rd of March V8 alone reads', () => {
    const followUps = [{ id: FOLLOW_UP, text: 'Relancer', owner: null, dueDate: '2026-02-31', done: false }];
    const text = renderEventRecap({ event: rencontre(), notes: [], followUps }, 'fr');
    expect(text).toContain('Relancer — pour le 2026-02-31');
  });
});
