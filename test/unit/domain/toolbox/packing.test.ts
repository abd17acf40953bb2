import { describe, expect, test } from 'vitest';
import type { ToolboxItem } from '../../../../src/domain/toolbox';
import { groupTrips, packingState, resetEntries, tripFromTemplate } from '../../../../src/domain/toolbox/packing';
import { STARTER_IDS, STARTER_ITEMS, STARTER_PACKING_LISTS } from '../../../../src/domain/toolbox/starter';

const items = STARTER_ITEMS.map(
  (input) =>
    ({
      ...input,
      networkId: 'local',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
      updatedBy: '',
      deleted: false,
    }) as ToolboxItem,
);
const stand = STARTER_PACKING_LISTS.find((list) => list.tripKind === 'fair_stand');
if (!stand) throw new Error('the starter valise has a fair stand list');
const standList = { ...stand, id: stand.id, itemIds: stand.itemIds ?? [], packed: {} as Record<string, boolean> };

describe('a packing list', () => {
  test('starts with nothing packed and everything missing', () => {
    const state = packingState(standList, items);
    expect(state.lines.length).toBe(7);
    expect(state.packedCount).toBe(0);
    expect(state.missing.map((line) => line.item?.title)).toContain('Vidéoprojecteur');
    expect(state.complete).toBe(false);
  });

  test('lists what is still missing, in the list’s order, as lines get packed', () => {
    const packed = { [STARTER_IDS.banner]: true, [STARTER_IDS.projector]: true };
    const state = packingState({ ...standList, packed }, items);
    expect(state.packedCount).toBe(2);
    expect(state.missing.map((line) => line.itemId)).toEqual(standList.itemIds.slice(2));
  });

  test('is complete once every line is packed', () => {
    const packed = Object.fromEntries(standList.itemIds.map((id) => [id, true]));
    expect(packingState({ ...standList, packed }, items)).toMatchObject({ complete: true, missing: [] });
  });

  test('keeps a line whose item left the valise, marked as gone, and ignores doubles', () => {
    const gone = items.filter((item) => item.id !== STARTER_IDS.projector);
    const state = packingState(
      { itemIds: [STARTER_IDS.projector, STARTER_IDS.banner, STARTER_IDS.banner], packed: {} },
      gone,
    );
    expect(state.lines).toHaveLength(2);
    expect(state.lines[0]).toMatchObject({ itemId: STARTER_IDS.projector, item: null });
  });

  test('a reset unticks every packed line and only those', () => {
    expect(resetEntries({ packed: { a: true, b: false, c: true } })).toEqual({ a: null, c: null });
  });

  test('a trip copies its template’s lines and date, with nothing packed', () => {
    const trip = tripFromTemplate(standList, '2027-03-12');
    expect(trip).toEqual({
      title: 'Stand sur un salon',
      tripKind: 'fair_stand',
      isTemplate: false,
      templateId: standList.id,
      tripDate: '2027-03-12',
      itemIds: standList.itemIds,
      packed: {},
    });
    expect(trip.itemIds).not.toBe(standList.itemIds);
  });
});

describe('trips by owner', () => {
  const trip = (owner: string | null, tripDate: string | null) => ({ owner, tripDate });

  test('puts the reader’s trips first and the team’s after, each soonest first, undated last', () => {
    const groups = groupTrips(
      [trip('Sam', '2026-05-02'), trip('Léa', null), trip(null, '2026-04-01'), trip('Léa', '2026-04-20')],
      'Léa',
    );
    expect(groups.mine).toEqual([trip('Léa', '2026-04-20'), trip('Léa', null)]);
    expect(groups.others).toEqual([trip(null, '2026-04-01'), trip('Sam', '2026-05-02')]);
  });

  test('gives every trip to a device without a member name', () => {
    expect(groupTrips([trip('Sam', null)], '')).toEqual({ mine: [trip('Sam', null)], others: [] });
  });
});
