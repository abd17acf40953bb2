import { describe, expect, test } from 'vitest';
import { dateDoubt } from '../../../../src/ui/forms/date-doubt';
import {
  describeVisitDraft,
  emptyVisitValues,
  notesWithShared,
  servicesInOrder,
  toLocalInput,
  toVisitInput,
  valuesOfVisit,
} from '../../../../src/ui/screens/visits/form/values';

describe('the visit form values', () => {
  test('start now, in local time, with nothing else filled', () => {
    const now = new Date(2026, 2, 3, 9, 5);
    expect(emptyVisitValues(now)).toMatchObject({ visitedAt: '2026-03-03T09:05', services: [], followUps: [] });
  });

  test('become a visit with trimmed texts and empty ones as null, notes kept as typed', () => {
    const values = {
      ...emptyVisitValues(new Date(2026, 2, 3, 9, 5)),
      purpose: '  Premier rendez-vous ',
      notes: 'Ligne 1\nLigne 2\n',
      services: ['detect' as const],
    };
    const result = toVisitInput(values);
    expect(result).toMatchObject({
      ok: true,
      value: {
        visit: {
          visitedAt: new Date(2026, 2, 3, 9, 5).toISOString(),
          purpose: 'Premier rendez-vous',
          placeLabel: null,
          notes: 'Ligne 1\nLigne 2\n',
          services: ['detect'],
        },
        followUps: [],
      },
    });
  });

  test('skip empty follow-up rows and refuse a due day without a text', () => {
    const values = {
      ...emptyVisitValues(),
      followUps: [
        { key: 'a', text: '', dueDate: '' },
        { key: 'b', text: ' Rappeler ', dueDate: '' },
        { key: 'c', text: '  ', dueDate: '2026-03-10' },
      ],
    };
    expect(toVisitInput(values)).toEqual({ ok: false, problems: [{ field: 'followUpText', key: 'c' }] });
    const fixed = { ...values, followUps: values.followUps.slice(0, 2) };
    expect(toVisitInput(fixed)).toMatchObject({
      ok: true,
      value: { followUps: [{ text: 'Rappeler', dueDate: null }] },
    });
  });

  test('refuse a date and time that cannot be read', () => {
    expect(toVisitInput({ ...emptyVisitValues(), visitedAt: '' })).toEqual({
      ok: false,
      problems: [{ field: 'visitedAt' }],
    });
  });

  test('come back from a saved visit the way they were typed', () => {
    const visitedAt = new Date(2026, 2, 3, 14, 30).toISOString();
    const values = valuesOfVisit({
      id: 'x',
      networkId: 'local',
      createdAt: visitedAt,
      updatedAt: visitedAt,
      updatedBy: '',
      deleted: false,
      visitedAt,
      contactIds: [],
      services: ['pool'],
      notes: 'N',
    });
    expect(values).toMatchObject({ visitedAt: toLocalInput(new Date(visitedAt)), services: ['pool'], notes: 'N' });
  });

  test('offer the usual services first, then the others in their usual order', () => {
    expect(servicesInOrder(['inform', 'detect', 'pool', 'watch'], ['pool', 'detect'])).toEqual([
      'pool',
      'detect',
      'inform',
      'watch',
    ]);
  });
});

describe('a visit draft in the list of drafts', () => {
  const empty = emptyVisitValues(new Date(2026, 2, 3, 9, 5));

  test('is named by its first line of notes, else its object', () => {
    expect(describeVisitDraft({ ...empty, notes: '\n  Atelier couture\nSuite', purpose: 'Visite' })).toBe(
      'Atelier couture',
    );
    expect(describeVisitDraft({ ...empty, purpose: ' Diagnostic ' })).toBe('Diagnostic');
  });

  test('begun by creating a lieu or a person, is named by it, as typed in its form', () => {
    const lieu = { initialName: 'Fablab', typed: null };
    expect(describeVisitDraft({ ...empty, newLieu: lieu })).toBe('Fablab');
    expect(describeVisitDraft({ ...empty, newLieu: { ...lieu, typed: { name: 'Fablab des Coteaux' } } })).toBe(
      'Fablab des Coteaux',
    );
    expect(describeVisitDraft({ ...empty, newPerson: { initialName: 'Maëlle Roux', typed: null } })).toBe(
      'Maëlle Roux',
    );
    expect(describeVisitDraft({ ...empty, notes: 'Réunion', newLieu: lieu })).toBe('Réunion');
  });
});

describe('text shared from another app', () => {
  test('goes after the notes already typed, title, text and link once each', () => {
    expect(
      notesWithShared('Rencontre avec Hélène.', {
        title: 'Article sur le fablab',
        text: 'À lire : https://exemple.fr/fablab',
        url: 'https://exemple.fr/fablab',
      }),
    ).toBe('Rencontre avec Hélène.\nArticle sur le fablab\nÀ lire : https://exemple.fr/fablab');
  });

  test('is nothing when nothing but blanks was shared', () => {
    expect(notesWithShared('', { title: ' ', text: null, url: '' })).toBe('');
  });

  test('doubt a year typed short, a year scrolled to 1900 and a visit more than a month ahead', () => {
    const now = new Date(2026, 11, 5, 9, 0);
    expect(dateDoubt('0026-12-05T10:00', now)).toBe('too_old');
    expect(dateDoubt('1900-01-01T10:00', now)).toBe('too_old');
    expect(dateDoubt('2031-06-01T10:00', now)).toBe('too_far');
    expect(dateDoubt('2027-01-06T10:00', now)).toBe('too_far');
    // Last year's visit typed late, this morning's, and one prepared for next week stay as typed.
    expect(dateDoubt('2025-03-03T10:00', now)).toBeNull();
    expect(dateDoubt('2026-12-05T08:00', now)).toBeNull();
    expect(dateDoubt('2026-12-12T10:00', now)).toBeNull();
    expect(dateDoubt('2000-01-01T00:00', now)).toBeNull();
    // What does not parse is the other check's ("Saisissez une date et une heure valides").
    expect(dateDoubt('', now)).toBeNull();
  });

  test('reads a diagnostic’s bare date as the local day, west of Greenwich too', () => {
    // UTC midnight of 1 January 2000 is still 1999 in the Antilles: the date was refused « d’avant 2000 ».
    const zone = process.env.TZ;
    process.env.TZ = 'America/Martinique';
    try {
      expect(dateDoubt('2000-01-01', new Date(2026, 11, 5, 9, 0))).toBeNull();
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
