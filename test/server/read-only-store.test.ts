// A store that answers but has stopped taking writes (SQLite refusing writes, as on a file or a
// file system gone read-only; a PostgreSQL database set read-only, or a standby after a
// failover): a device's push is told so by its code, 503 store_not_writable, not a bare 500
// internal, and nothing of it is applied.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JoinResponse } from '../../src/protocol/wire';
import { createApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { issueInvitation } from '../../src/server/invitations';
import { PostgresStore } from '../../src/server/store/postgres';
import { SqliteStore } from '../../src/server/store/sqlite';
import type { Store } from '../../src/server/store/store';
import { visitCreation } from '../helpers/mutations';
import { makeReadOnly } from '../helpers/postgres-cluster';
import { describeOnPostgres } from '../helpers/postgres-suite';
import { serverFolder } from '../helpers/server-folder';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function appOn(store: Store) {
  const dir = serverFolder('read-only');
  folders.push(dir);
  const config = readConfig({ VALISE_DATA: dir, VALISE_DIST: join(dir, 'dist'), VALISE_ADDRESS_RATE: '0' });
  const app = createApp({ store, config, log: () => {} });
  return async (path: string, body: unknown, token?: string) => {
    const response = await app.fetch(
      new Request(`http://valise.test${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

/** A network with one joined device on `store`: its id and the device's token. */
async function joinedDevice(store: Store): Promise<{ networkId: string; token: string }> {
  const network = await store.createNetwork('Réseau');
  const { code } = await issueInvitation(store, network.id, 'admin', 24);
  const joined = await appOn(store)('/api/join', {
    code,
    deviceName: 'Téléphone',
    memberName: 'Camille',
    clockNode: '0123456789abcdef',
  });
  expect(joined.status).toBe(200);
  return { networkId: network.id, token: (joined.body as unknown as JoinResponse).token };
}

async function expectRefusedPush(store: Store, networkId: string, token: string): Promise<void> {
  const pushed = await appOn(store)('/api/sync/push', { mutations: [visitCreation(Date.now())] }, token);
  expect(pushed.status).toBe(503);
  expect(pushed.body).toMatchObject({
    code: 'store_not_writable',
    error: expect.stringMatching(/does not take writes/),
  });
  expect(await store.snapshot(networkId)).toEqual([]);
}

describe('a SQLite store that refuses writes', () => {
  it('answers a push 503 store_not_writable and applies nothing', async () => {
    const dir = serverFolder('read-only-sqlite');
    folders.push(dir);
    const store = new SqliteStore(join(dir, 'valise.sqlite'));
    await store.migrate();
    const { networkId, token } = await joinedDevice(store);
    // SQLite's own refusal of every write (SQLITE_READONLY), as for a file it may no longer write.
    store.db.pragma('query_only = ON');
    await expectRefusedPush(store, networkId, token);
    await store.close();
  });
});

describeOnPostgres('a PostgreSQL database set read-only', (cluster) => {
  it('answers a push 503 store_not_writable and applies nothing', async () => {
    const url = await cluster().createDatabase();
    const writable = new PostgresStore(url);
    await writable.migrate();
    const { networkId, token } = await joinedDevice(writable);
    await writable.close();
    await makeReadOnly(url);

    const store = new PostgresStore(url);
    await expectRefusedPush(store, networkId, token);
    await store.close();
  });
});
