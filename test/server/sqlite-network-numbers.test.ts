// The SQLite store keys records and its mutation log by a network's number in the file
// (networkNumbers in sqlite-schema.ts). A file keyed by the network's id, as every server since
// records were keyed per network holds, keeps its records, its log and its change order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { HybridClock } from '../../src/protocol/hlc';
import type { Mutation } from '../../src/protocol/wire';
import { SERVER_CLOCK_NODE } from '../../src/server/push/plan';
import { SqliteStore } from '../../src/server/store/sqlite';
import { notesEdit, PUSHER, visitCreation } from '../helpers/mutations';
import { BEFORE_NETWORK_NUMBERS, keyByNetworkId } from '../helpers/sqlite-layouts';

const NOW = Date.parse('2026-12-05T10:00:00.000Z');

describe('SQLite store keyed by network numbers', () => {
  let dir: string;
  let store: SqliteStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'valise-numbers-'));
    store = new SqliteStore(join(dir, 'valise.sqlite'));
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function reopen(): Promise<void> {
    await store.close();
    store = new SqliteStore(store.path);
    await store.migrate();
  }

  function push(networkId: string, mutations: readonly Mutation[]) {
    return store.push({
      context: {
        networkId,
        role: 'admin',
        clock: new HybridClock(SERVER_CLOCK_NODE, () => NOW),
        now: NOW,
        pusher: PUSHER,
      },
      mutations,
    });
  }

  const notesOf = async (networkId: string) =>
    (await store.snapshot(networkId)).map((change) => JSON.parse(change.data).notes as string).sort();

  it('migrates a file keyed by network ids with its records, its mutation log and its change order', async () => {
    const a = await store.createNetwork('A');
    const b = await store.createNetwork('B');
    const shared = newId();
    const inA = [visitCreation(NOW, undefined, shared, 'à A'), visitCreation(NOW, undefined, newId(), 'autre')];
    await push(a.id, inA);
    await push(b.id, [visitCreation(NOW, 'ffffffffffffffff', shared, 'à B')]);
    const before = { a: await store.snapshot(a.id), b: await store.snapshot(b.id) };

    keyByNetworkId(store.db);
    await reopen();

    expect(await store.snapshot(a.id)).toEqual(before.a);
    expect(await store.snapshot(b.id)).toEqual(before.b);
    // Answered from the log: without it, creations the store holds would be 'unchanged'.
    expect((await push(a.id, inA)).results.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect((await push(b.id, [notesEdit(NOW + 1000, shared, 'suite à B')])).results[0]).toMatchObject({
      status: 'applied',
    });
    const lastSeqOfB = Math.max(...before.b.map((change) => change.seq));
    expect((await store.pull(b.id, lastSeqOfB, 10)).changes.map((change) => change.id)).toEqual([shared]);
    expect(await notesOf(a.id)).toEqual(['autre', 'à A']);

    const c = await store.createNetwork('C');
    await push(c.id, [visitCreation(NOW, undefined, shared, 'à C')]);
    expect(await notesOf(c.id)).toEqual(['à C']);
    expect(await notesOf(b.id)).toEqual(['suite à B']);
  });

  it('changes nothing when the migration runs again on a file it already keyed', async () => {
    const a = await store.createNetwork('A');
    const creation = visitCreation(NOW);
    await push(a.id, [creation]);
    const before = await store.snapshot(a.id);
    store.db.pragma(`user_version = ${BEFORE_NETWORK_NUMBERS}`);
    await reopen();
    expect(await store.snapshot(a.id)).toEqual(before);
    expect((await push(a.id, [creation])).results[0]).toMatchObject({ status: 'applied' });
    const b = await store.createNetwork('B');
    await push(b.id, [visitCreation(NOW, undefined, creation.recordId, 'à B')]);
    expect(await notesOf(b.id)).toEqual(['à B']);
    expect(await store.snapshot(a.id)).toEqual(before);
  });
});
