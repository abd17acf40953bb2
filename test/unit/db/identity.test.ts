import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openDataContext } from '../../../src/db/context';
import { RecordValidationError } from '../../../src/db/errors';
import { setAuthorName } from '../../../src/db/identity';
import { resetPersistenceRequest } from '../../../src/db/persistence';
import { createRecord } from '../../../src/db/writes';
import { sampleRecords } from '../../fixtures/records';

describe('the author name set in Réglages', () => {
  test('is kept on the device and stamped on the records written next', async () => {
    const name = `identity-${Math.random().toString(36).slice(2)}`;
    const context = await openDataContext({ name });
    const { clockNode } = context.identity;

    await setAuthorName(context, '  Camille Martin ');
    const visit = await createRecord(context, 'visits', sampleRecords().visits);
    expect(visit.updatedBy).toBe('Camille Martin');
    context.db.close();

    const reopened = await openDataContext({ name });
    expect(reopened.identity).toEqual({ clockNode, authorName: 'Camille Martin' });
  });

  test('refuses a name too long to stamp on records, keeping the previous one', async () => {
    const context = await openDataContext({ name: `identity-${Math.random().toString(36).slice(2)}` });
    await setAuthorName(context, 'Dominique');

    const error = await setAuthorName(context, 'x'.repeat(121)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues[0]).toMatchObject({
      field: 'authorName',
      type: 'max_length',
      limit: 120,
    });
    expect(context.identity.authorName).toBe('Dominique');
  });
});

describe('persistent storage', () => {
  const persist = vi.fn(async () => true);
  const persisted = vi.fn(async () => false);

  beforeEach(() => {
    resetPersistenceRequest();
    persist.mockClear();
    persisted.mockClear();
    vi.stubGlobal('navigator', { ...navigator, storage: { persist, persisted, estimate: async () => ({}) } });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('is requested on the first write of the tab, once', async () => {
    const context = await openDataContext({ name: `persist-${Math.random().toString(36).slice(2)}` });
    expect(persist).not.toHaveBeenCalled();

    await createRecord(context, 'visits', sampleRecords().visits);
    await createRecord(context, 'visits', sampleRecords().visits);
    await expect.poll(() => persist).toHaveBeenCalledTimes(1);
  });

  test('is not requested again when the browser already keeps the data', async () => {
    persisted.mockResolvedValue(true);
    const context = await openDataContext({ name: `persist-${Math.random().toString(36).slice(2)}` });
    await setAuthorName(context, 'Camille');
    await expect.poll(() => persisted).toHaveBeenCalled();
    expect(persist).not.toHaveBeenCalled();
  });
});
