// What must hold once the network has healed and every device has synced to quiescence.
import { expect } from 'vitest';
import { createState, mergePatch, type RecordState } from '../../../src/domain/merge';
import type { RecordType } from '../../../src/domain/record-types';
import type { RawChange } from '../../../src/server/store/store';
import { LATER_FIELD, type World, type Write } from './world';

interface ServerRecord {
  type: RecordType;
  id: string;
  data: Record<string, unknown>;
  clocks: Record<string, string>;
}

export async function checkWorld(world: World): Promise<void> {
  const snapshots = await Promise.all(world.networkIds.map(async (id) => (await world.server.snapshot(id)).map(parse)));

  for (const [index, member] of world.members.entries()) {
    const rejected = await member.device.context.db.rejected.toArray();
    expect(
      rejected.map((entry) => entry.reason),
      `device${index} had changes refused`,
    ).toEqual([]);
    expect(await member.device.outboxSize(), `device${index} still has unsent changes`).toBe(0);
    // Every device of a network holds exactly the server's state, clocks included.
    const onDevice = (await member.device.records()).map(({ hlc, ...data }) => ({ id: data.id, data, clocks: hlc }));
    const onServer = (snapshots[member.network] as ServerRecord[]).map(({ id, data, clocks }) => ({
      id,
      data,
      clocks,
    }));
    expect(onDevice, `device${index} differs from the server`).toEqual(onServer);
  }

  // Nothing crosses networks.
  const [first, second] = snapshots as [ServerRecord[], ServerRecord[]];
  const firstIds = new Set(first.map((record) => record.id));
  expect(second.filter((record) => firstIds.has(record.id))).toEqual([]);
  for (const [network, records] of snapshots.entries()) {
    expect(records.every((record) => record.data.networkId === world.networkIds[network])).toBe(true);
  }

  for (const [network, records] of snapshots.entries()) {
    const writes = world.writes.filter((write) => write.network === network);
    checkNoWriteLost(records, writes);
    checkLaterFieldKept(records, writes);
    checkLosingTextsKept(records, writes);
    checkNothingLeftOnMerged(records);
  }

  await checkReplayChangesNothing(world, snapshots.flat().length);
}

/**
 * An independent oracle: folding every write any device made through the merge rule, in any
 * order, must give the server's records. A lost or doubly-applied write would show here.
 */
function checkNoWriteLost(records: ServerRecord[], writes: Write[]): void {
  const expected = new Map<string, RecordState>();
  for (const write of writes) {
    if (write.type === 'conflicts') continue;
    const patch = { fields: write.fields, clocks: write.clocks };
    const current = expected.get(write.recordId);
    if (write.create) expected.set(write.recordId, createState(patch));
    else if (current) expected.set(write.recordId, mergePatch(write.type, current, patch));
  }
  const actual = records.filter((record) => record.type !== 'conflicts');
  expect(actual.map((record) => record.id).sort()).toEqual([...expected.keys()].sort());
  for (const record of actual) expect(record.data, `record ${record.id}`).toEqual(expected.get(record.id)?.data);
}

/**
 * Devices of two releases mixed: an old device's writes never carry the field only the next
 * release knows (an edit sends what it changed), and no record a new device gave it lost it.
 */
function checkLaterFieldKept(records: ServerRecord[], writes: Write[]): void {
  const carries = (write: Write) => Object.hasOwn(write.fields, LATER_FIELD);
  expect(
    writes.filter((write) => write.release === 'old' && carries(write)),
    'old devices wrote it',
  ).toEqual([]);
  const given = new Set(writes.filter((write) => write.release === 'new' && carries(write)).map((w) => w.recordId));
  const dropped = records.filter((record) => given.has(record.id) && !Object.hasOwn(record.data, LATER_FIELD));
  expect(
    dropped.map((record) => record.id),
    'records that lost the later field',
  ).toEqual([]);
}

/**
 * A text that lost to a concurrent edit is kept as a conflict. A text knowingly replaced
 * (someone edited starting from it, or from an identical text written concurrently — equal
 * texts are not a conflict) is not a loss.
 */
function checkLosingTextsKept(records: ServerRecord[], writes: Write[]): void {
  const byId = new Map(records.map((record) => [record.id, record]));
  const conflicts = records.filter((record) => record.type === 'conflicts').map((record) => record.data);
  const valueAt = new Map<string, unknown>();
  for (const write of writes)
    for (const [key, clock] of Object.entries(write.clocks))
      valueAt.set(`${write.recordId} ${key} ${clock}`, write.fields[key]);
  for (const write of writes) {
    if (write.type === 'conflicts') continue;
    for (const [key, value] of Object.entries(write.fields)) {
      if (write.create || write.base[key] === undefined || typeof value !== 'string' || value.trim() === '') continue;
      const final = byId.get(write.recordId)?.data[key];
      if (final === value) continue;
      const clock = write.clocks[key];
      const supersededKnowingly = writes.some((other) => {
        const base = other.base[key];
        if (other.recordId !== write.recordId || base === undefined) return false;
        return base === clock || valueAt.get(`${write.recordId} ${key} ${base}`) === value;
      });
      if (supersededKnowingly) continue;
      const kept = conflicts.some(
        (conflict) => conflict.recordId === write.recordId && conflict.field === key && conflict.value === value,
      );
      expect(kept, `text "${value}" of ${write.recordId}.${key} was lost`).toBe(true);
    }
  }
}

/**
 * Once synced, nothing live points at a lieu or person merged into another: visits, events
 * (their place and attendees), diagnostics, people's lieux; and no follow-up or loan names a
 * merged person, unless a live person bears that name too (those are names, not links).
 */
function checkNothingLeftOnMerged(records: ServerRecord[]): void {
  const merged = new Set(
    records.filter((record) => record.data.deleted && record.data.mergedInto).map((record) => record.id),
  );
  const contacts = records.filter((record) => record.type === 'contacts');
  const liveNames = new Set(contacts.filter((record) => !record.data.deleted).map((record) => record.data.name));
  const mergedNames = new Set(
    contacts.filter((record) => merged.has(record.id) && !liveNames.has(record.data.name)).map((r) => r.data.name),
  );
  const ids = (value: unknown) => (Array.isArray(value) ? value : []) as unknown[];
  const pointsAtMerged = ({ type, data }: ServerRecord): boolean => {
    switch (type) {
      case 'visits':
        return [data.organisationId, ...ids(data.contactIds)].some((id) => merged.has(id as string));
      case 'events':
        return [data.placeOrganisationId, ...Object.keys((data.attendees as object | undefined) ?? {})].some((id) =>
          merged.has(id as string),
        );
      case 'diagnostics':
        return merged.has(data.organisationId as string);
      case 'contacts':
        return ids(data.organisationIds).some((id) => merged.has(id as string));
      case 'followUps':
        return mergedNames.has(data.owner);
      case 'loans':
        return mergedNames.has(data.holderName);
      default:
        return false;
    }
  };
  const left = records.filter((record) => !record.data.deleted && pointsAtMerged(record));
  expect(
    left.map((record) => `${record.type} ${record.id}`),
    'records left on a merged lieu or person',
  ).toEqual([]);
}

/** Sending any push again, however late, changes nothing. */
async function checkReplayChangesNothing(world: World, total: number): Promise<void> {
  const before = await Promise.all(world.networkIds.map((id) => world.server.snapshot(id)));
  for (const push of world.pushes) await world.server.fetch(push.url, push.init);
  const after = await Promise.all(world.networkIds.map((id) => world.server.snapshot(id)));
  expect(after.flat().length).toBe(total);
  expect(after).toEqual(before);
}

function parse(row: RawChange): ServerRecord {
  return { type: row.type as RecordType, id: row.id, data: JSON.parse(row.data), clocks: JSON.parse(row.clocks) };
}
