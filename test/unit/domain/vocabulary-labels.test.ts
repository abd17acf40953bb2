import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../src/domain/exports';
import {
  LEGAL_STRUCTURES,
  ORGANISATION_KINDS,
  TERRITORY_SCALES,
  TOOLBOX_KINDS,
  TRIP_KINDS,
  TYPOLOGIES,
} from '../../../src/domain/vocabulary';
import {
  LEGAL_STRUCTURE_LABELS,
  ORGANISATION_KIND_LABELS,
  TERRITORY_SCALE_LABELS,
  TOOLBOX_KIND_LABELS,
  TRIP_KIND_LABELS,
  TYPOLOGY_LABELS,
} from '../../../src/domain/vocabulary-labels';
import { yearData } from '../../fixtures/backup';

describe('the words of the closed lists', () => {
  it('give every value a French and an English label', () => {
    const lists: [readonly string[], Record<string, { fr: string; en: string }>][] = [
      [ORGANISATION_KINDS, ORGANISATION_KIND_LABELS],
      [TYPOLOGIES, TYPOLOGY_LABELS],
      [LEGAL_STRUCTURES, LEGAL_STRUCTURE_LABELS],
      [TERRITORY_SCALES, TERRITORY_SCALE_LABELS],
      [TOOLBOX_KINDS, TOOLBOX_KIND_LABELS],
      [TRIP_KINDS, TRIP_KIND_LABELS],
    ];
    for (const [values, labels] of lists) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) {
        expect(labels[value]?.fr.trim()).not.toBe('');
        expect(labels[value]?.en.trim()).not.toBe('');
      }
    }
  });

  it('are the words of the exports too: a fablab reads the same in the CSV as on its page', () => {
    const data = yearData();
    data.organisations.push({
      ...data.organisations[0]!,
      id: 'fablab',
      name: 'Le Fablab',
      typology: 'fablab',
      legalStructure: 'scic',
    });
    const row = exportCsv('organisations', data, 'en')
      .split('\r\n')
      .find((line) => line.startsWith('Le Fablab'));
    expect(row).toContain(TYPOLOGY_LABELS.fablab.en);
    expect(row).toContain(LEGAL_STRUCTURE_LABELS.scic.en);
  });
});
