import { describe, expect, test } from 'vitest';
import { createRecord } from '../../../src/db/writes';
import { ID_PATTERN, isId, newId } from '../../../src/domain/ids';
import { sampleRecords } from '../../fixtures/records';
import { openTestContext } from '../../helpers/db';

describe('record ids', () => {
  test('are unique across many made in a burst', () => {
    const ids = Array.from({ length: 10_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => ID_PATTERN.test(id))).toBe(true);
  });

  test('sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 2_000 }, newId);
    expect([...ids].sort()).toEqual(ids);
  });

  test('of records written one after another list them oldest first', async () => {
    const context = await openTestContext();
    const written: string[] = [];
    for (let index = 0; index < 20; index++) {
      const input = { ...sampleRecords().followUps, id: undefined, text: `À faire n°${index}` };
      written.push((await createRecord(context, 'followUps', input)).id);
    }
    expect(await context.db.records('followUps').orderBy('id').primaryKeys()).toEqual(written);
    expect(written.every(isId)).toBe(true);
  });
});
