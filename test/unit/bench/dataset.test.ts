import { describe, expect, it } from 'vitest';
import type { RecordType } from '../../../src/domain/record-types';
import { validateRecord } from '../../../src/domain/validation';
import { datasetSize, generateDataset } from '../../bench/data/dataset';

describe('the benchmark data set', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(generateDataset(7, 50)).toEqual(generateDataset(7, 50));
    expect(generateDataset(8, 50).visits?.[0]?.notes).not.toBe(generateDataset(7, 50).visits?.[0]?.notes);
  });

  it('keeps the field-scale proportions', () => {
    const data = generateDataset(1, 500);
    expect(data.visits).toHaveLength(500);
    expect(data.organisations).toHaveLength(50);
    expect(data.contacts).toHaveLength(100);
    expect(data.diagnostics).toHaveLength(20);
    expect(data.events).toHaveLength(50);
    expect(data.eventNotes).toHaveLength(50);
    expect(datasetSize(data)).toBe(500 + 50 + 100 + 20 + 50 + 50 + 100);
  });

  it('produces only records the app itself would accept', () => {
    const data = generateDataset(3, 200);
    for (const [type, records] of Object.entries(data)) {
      for (const record of records ?? []) {
        const result = validateRecord(type as RecordType, record);
        expect(result.ok ? [] : result.issues, `${type} ${record.id}`).toEqual([]);
      }
    }
  });

  it('writes visits of about 500 bytes, like the field', () => {
    const visits = generateDataset(5, 300).visits ?? [];
    const average = visits.reduce((total, visit) => total + JSON.stringify(visit).length, 0) / visits.length;
    expect(average).toBeGreaterThan(350);
    expect(average).toBeLessThan(900);
  });
});
