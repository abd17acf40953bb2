import { describe, expect, test } from 'vitest';
import { type FieldIssue, validateRecord } from '../../../../src/domain/validation';
import { describeIssue, issuesByField } from '../../../../src/ui/i18n/validation';

// A lieu's website has a sentence of its own: a phone or an e-mail typed there has a field of its own.
const WEBSITE_SENTENCE =
  'Adresse d’une page web attendue (exemple\u00a0: https://exemple.fr)\u202f; un téléphone ou un e-mail a son propre champ.';

const issue = (type: string, extra: Partial<FieldIssue> = {}): FieldIssue => ({
  field: 'notes',
  type,
  message: `notes ${type}`,
  ...extra,
});

describe('a validation issue shown next to its field', () => {
  test.each([
    ['required', {}, 'Ce champ est obligatoire.'],
    ['min_length', { limit: 1, of: 'text' as const }, 'Ce champ est obligatoire.'],
    ['min_length', { limit: 3, of: 'text' as const }, 'Trop court\u00a0: au moins 3 caractères.'],
    ['max_length', { limit: 300, of: 'text' as const }, 'Trop long\u00a0: 300 caractères au maximum.'],
    ['max_length', { limit: 50, of: 'list' as const }, 'Trop d’éléments\u00a0: 50 au maximum.'],
    ['email', {}, 'Adresse e-mail non valide (exemple\u00a0: prenom.nom@exemple.fr).'],
    ['url', {}, 'Adresse web non valide\u00a0: elle commence par https:// (exemple\u00a0: https://exemple.fr).'],
    ['picklist', {}, 'Choisissez une des valeurs proposées.'],
    ['regex', {}, 'Le format n’est pas reconnu.'],
    ['iso_date', {}, 'Saisissez une date valide.'],
    ['iso_timestamp', {}, 'Saisissez une date et une heure valides.'],
    ['number', {}, 'Saisissez un nombre.'],
    ['integer', {}, 'Saisissez un nombre entier, sans virgule.'],
    ['min_value', { limit: 0 }, 'La valeur doit être au moins 0.'],
    ['max_value', { limit: 4 }, 'La valeur doit être au plus 4.'],
    ['partial_check', {}, 'Cette valeur ne va pas avec les autres champs.'],
    ['strict_object', {}, 'Cette valeur n’est pas valide.'],
  ])('reads in French for %s %o', (type, extra, sentence) => {
    expect(describeIssue(issue(type, extra), 'fr')).toBe(sentence);
  });

  test('writes large limits the French way', () => {
    expect(describeIssue(issue('max_length', { limit: 20000, of: 'text' }), 'fr')).toBe(
      'Trop long\u00a0: 20\u202f000 caractères au maximum.',
    );
    expect(describeIssue(issue('max_length', { limit: 20000, of: 'text' }), 'en')).toBe(
      'Too long: 20,000 characters at most.',
    );
  });

  test('has words of its own for fields whose format people do not guess', () => {
    expect(describeIssue({ field: 'postcode', type: 'regex', message: '' }, 'fr')).toBe(
      'Le code postal compte 5 chiffres.',
    );
    expect(describeIssue({ field: 'inseeCode', type: 'regex', message: '' }, 'en')).toBe(
      'An INSEE code has 5 characters (example: 35238 or 2A004).',
    );
  });

  test('turns a refused organisation into one sentence per field, in French and in English', () => {
    const result = validateRecord('organisations', {
      id: '0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b',
      networkId: 'local',
      createdAt: '2026-03-03T13:05:00.000Z',
      updatedAt: '2026-03-03T13:05:00.000Z',
      updatedBy: '',
      deleted: false,
      name: '',
      // Not even shaped like a value a later release could add (those are kept).
      kind: 'Café !',
      website: 'forge.bzh',
      postcode: '354',
    });
    if (result.ok) throw new Error('the organisation should be refused');
    expect(issuesByField(result.issues, 'fr')).toEqual({
      name: 'Ce champ est obligatoire.',
      kind: 'Choisissez une des valeurs proposées.',
      postcode: 'Le code postal compte 5 chiffres.',
      website: WEBSITE_SENTENCE,
    });
    expect(issuesByField(result.issues, 'en').name).toBe('This field is required.');
  });
});

describe('addresses and time zones from data, refused in words', () => {
  const base = {
    id: '0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b',
    networkId: 'local',
    createdAt: '2026-03-03T13:05:00.000Z',
    updatedAt: '2026-03-03T13:05:00.000Z',
    updatedBy: 'Camille',
    deleted: false,
  };

  test.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'blob:https://a.fr/1',
    'ftp://a.fr',
  ])('a lieu whose website is %j is refused as a web address', (website) => {
    const result = validateRecord('organisations', { ...base, name: 'La Forge', kind: 'tiers_lieu', website });
    if (result.ok) throw new Error('the lieu should be refused');
    expect(issuesByField(result.issues, 'fr')).toEqual({
      website: WEBSITE_SENTENCE,
    });
  });

  test('web, e-mail and phone addresses are kept', () => {
    for (const link of ['https://forge.bzh', 'mailto:contact@forge.bzh', 'tel:+33299000000']) {
      const result = validateRecord('toolboxItems', {
        ...base,
        kind: 'digital_tool',
        title: 'Pad',
        status: 'published',
        link,
      });
      expect(result.ok, link).toBe(true);
    }
  });

  test('an event in a time zone this device does not know is refused, in French', () => {
    const event = {
      ...base,
      title: 'Rencontre',
      kind: 'network_meeting',
      startsAt: '2026-12-10T09:00:00.000Z',
      endsAt: '2026-12-10T16:00:00.000Z',
      services: [],
    };
    expect(validateRecord('events', { ...event, timeZone: 'Pacific/Noumea' }).ok).toBe(true);
    for (const timeZone of ['Mars/Olympus_Mons', '+01:00', '../../etc', '']) {
      const result = validateRecord('events', { ...event, timeZone });
      if (result.ok) throw new Error(`${timeZone} should be refused`);
      expect(issuesByField(result.issues, 'fr'), timeZone).toEqual({
        timeZone: 'Fuseau horaire inconnu\u00a0: choisissez-en un de la liste (exemple\u00a0: Europe/Paris).',
      });
    }
  });
});
