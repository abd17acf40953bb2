// Duplicates merged on one device while another is still offline: the other's later writes
// against the old id land on the kept record once it syncs, and crossed merges converge.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeDuplicates } from '../../src/db/merge';
import { createRecord } from '../../src/db/writes';
import { type DevicePair, joinedPair } from '../helpers/device-pair';
import type { TestDevice } from '../helpers/test-device';

const grange = { name: 'La Grange', kind: 'tiers_lieu' as const, commune: 'Redon' };
const visitAt = (organisationId: string, purpose: string) => ({
  visitedAt: '2026-11-20T09:00:00.000Z',
  organisationId,
  purpose,
  services: ['detect' as const],
});

describe('merged duplicates across devices', () => {
  let pair: DevicePair;
  let a: TestDevice;
  let b: TestDevice;

  beforeEach(async () => {
    pair = await joinedPair(['Alix', 'Bastien']);
    ({ a, b } = pair);
  });

  afterEach(() => pair.close());

  const settle = async () => {
    for (let round = 0; round < 3; round++) {
      await a.sync();
      await b.sync();
    }
  };

  it('a visit written offline against the merged lieu lands on the kept lieu', async () => {
    const kept = await createRecord(a.context, 'organisations', grange);
    const copy = await createRecord(b.context, 'organisations', { ...grange, phone: '02 99 00 00 00' });
    await createRecord(b.context, 'visits', visitAt(copy.id, 'Première visite'));
    await settle();

    await mergeDuplicates(a.context, 'organisations', kept.id, 'organisations', copy.id, {});
    await a.sync();
    // Bastien, still offline, logs another visit on his copy of the lieu.
    const late = await createRecord(b.context, 'visits', visitAt(copy.id, 'Visite hors ligne'));
    await settle();

    for (const device of [a, b]) {
      const visits = await device.context.db.records('visits').toArray();
      expect(visits.map((visit) => visit.organisationId)).toEqual([kept.id, kept.id]);
      expect(visits.some((visit) => visit.id === late.id)).toBe(true);
      const lieu = await device.context.db.records('organisations').get(kept.id);
      expect(lieu?.phone).toBe('02 99 00 00 00');
      expect(await device.context.db.records('organisations').get(copy.id)).toMatchObject({
        deleted: true,
        mergedInto: kept.id,
      });
    }
    expect(await a.outboxSize()).toBe(0);
    expect(await b.outboxSize()).toBe(0);
  });

  it('two devices merging the two copies into each other converge on one live lieu', async () => {
    const first = await createRecord(a.context, 'organisations', grange);
    const second = await createRecord(b.context, 'organisations', grange);
    await createRecord(a.context, 'visits', visitAt(first.id, 'Chez la première'));
    await createRecord(b.context, 'visits', visitAt(second.id, 'Chez la seconde'));
    await settle();

    await mergeDuplicates(a.context, 'organisations', first.id, 'organisations', second.id, {});
    await mergeDuplicates(b.context, 'organisations', second.id, 'organisations', first.id, {});
    await settle();

    const survivor = [first.id, second.id].sort()[0];
    for (const device of [a, b]) {
      const lieux = await device.context.db.records('organisations').toArray();
      expect(lieux.filter((lieu) => !lieu.deleted).map((lieu) => lieu.id)).toEqual([survivor]);
      const visits = await device.context.db.records('visits').toArray();
      expect(visits.map((visit) => visit.organisationId)).toEqual([survivor, survivor]);
    }
  });
});
