// The store contract on both databases: SQLite in a temporary file, PostgreSQL in a throwaway
// cluster started for this file (one fresh database per test).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { HybridClock } from '../../src/protocol/hlc';
import { hashCode } from '../../src/server/auth';
import { issueInvitation } from '../../src/server/invitations';
import { SERVER_CLOCK_NODE } from '../../src/server/push/plan';
import { MIGRATION_LOCK, PostgresStore } from '../../src/server/store/postgres';
import { POSTGRES_MIGRATIONS } from '../../src/server/store/postgres-schema';
import { SqliteStore } from '../../src/server/store/sqlite';
import { SQLITE_MIGRATIONS } from '../../src/server/store/sqlite-schema';
import type { Device, Store } from '../../src/server/store/store';
import { visitCreation } from '../helpers/mutations';
import { describeOnPostgres } from '../helpers/postgres-suite';
import { invitationsWithoutIds, keyByRecordId } from '../helpers/sqlite-layouts';
import { waitFor } from '../helpers/wait-for';
import { storeContract } from './store-contract';

/** The migrations before the one that repairs clocks (it is the second of both stores). */
const CLOCK_REPAIR_MIGRATION = 1;

storeContract('SQLite', () => ({
  async open() {
    const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'valise-contract-')), 'valise.sqlite'));
    await store.migrate();
    return store;
  },
  async reopen(store) {
    await store.close();
    const again = new SqliteStore((store as SqliteStore).path);
    await again.migrate();
    return again;
  },
  async dispose(store) {
    await store.close();
    rmSync(dirname((store as SqliteStore).path), { recursive: true, force: true });
  },
  async storeClocksAsBefore(store, recordId, clocks) {
    const { db } = store as SqliteStore;
    db.prepare('UPDATE records SET clocks = ? WHERE id = ?').run(JSON.stringify(clocks), recordId);
    db.pragma(`user_version = ${CLOCK_REPAIR_MIGRATION}`);
  },
  async keyRecordsAsBefore(store) {
    keyByRecordId((store as SqliteStore).db);
  },
  async storeInvitationsAsBefore(store) {
    invitationsWithoutIds((store as SqliteStore).db);
  },
  async storeNetworksWithoutUsage(store) {
    const { db } = store as SqliteStore;
    db.exec('ALTER TABLE networks DROP COLUMN record_count; ALTER TABLE networks DROP COLUMN record_bytes');
    db.pragma(
      `user_version = ${SQLITE_MIGRATIONS.findIndex((step) => typeof step === 'function' && step.name === 'recordUsage')}`,
    );
  },
}));

/** `work` on a session of its own on the database at `url`. */
async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describeOnPostgres('PostgreSQL', (cluster) => {
  const urls = new WeakMap<Store, string>();

  storeContract('PostgreSQL', () => ({
    async open() {
      const url = await cluster().createDatabase();
      const store = new PostgresStore(url);
      await store.migrate();
      urls.set(store, url);
      return store;
    },
    async reopen(store) {
      const url = urls.get(store) as string;
      await store.close();
      const again = new PostgresStore(url);
      await again.migrate();
      urls.set(again, url);
      return again;
    },
    async dispose(store) {
      await store.close();
    },
    async storeClocksAsBefore(store, recordId, clocks) {
      await onDatabase(urls.get(store) as string, async (client) => {
        await client.query('UPDATE records SET clocks = $1 WHERE id = $2', [JSON.stringify(clocks), recordId]);
        await client.query('UPDATE schema_version SET version = $1', [CLOCK_REPAIR_MIGRATION]);
      });
    },
    async keyRecordsAsBefore(store) {
      await onDatabase(urls.get(store) as string, async (client) => {
        await client.query('ALTER TABLE records DROP CONSTRAINT records_pkey, ADD PRIMARY KEY (id)');
        // The fifth migration keys records per network: the database as it was before it.
        await client.query('UPDATE schema_version SET version = 4');
      });
    },
    async storeInvitationsAsBefore(store) {
      await onDatabase(urls.get(store) as string, async (client) => {
        await client.query('ALTER TABLE invitations DROP COLUMN id, DROP COLUMN created_at, DROP COLUMN created_by');
        // The seventh migration gives invitations their ids: the database as it was before it.
        await client.query('UPDATE schema_version SET version = 6');
      });
    },
    async storeNetworksWithoutUsage(store) {
      await onDatabase(urls.get(store) as string, async (client) => {
        await client.query('ALTER TABLE networks DROP COLUMN record_count, DROP COLUMN record_bytes');
        // The migration that counts them: the database as it was before it.
        const counting = POSTGRES_MIGRATIONS.findIndex(
          (step) => typeof step === 'string' && step.includes('record_bytes'),
        );
        await client.query('UPDATE schema_version SET version = $1', [counting]);
      });
    },
  }));

  /**
   * `work` on each of two servers (stores of their own on `url`), both started while another
   * session holds the advisory lock `lock` takes, which it lets go once both wait for it: they
   * then run as side by side as that lock lets them. Ends with what each server's `work` gave.
   */
  async function onTwoServersAtOnce<T>(
    url: string,
    lock: [string, unknown[]],
    work: (server: PostgresStore, index: number) => Promise<T>,
  ): Promise<T[]> {
    const [holder, watcher] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([holder.connect(), watcher.connect()]);
    const servers = [new PostgresStore(url, 2), new PostgresStore(url, 2)];
    try {
      await holder.query('BEGIN');
      await holder.query(...lock);
      const runs = servers.map(work);
      await waitFor(
        'both servers wait for the lock',
        async () => {
          const { rows } = await watcher.query(
            `SELECT COUNT(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'`,
          );
          return Number(rows[0].count) === 2;
        },
        { timeout: 20_000 },
      );
      await holder.query('COMMIT');
      return await Promise.all(runs);
    } finally {
      await Promise.all([holder.end(), watcher.end(), ...servers.map((server) => server.close())]);
    }
  }

  // SQLite's second server is refused by the data folder's lock; PostgreSQL's start beside each other.
  it('migrates a new database once when two servers start on it together', async () => {
    const url = await cluster().createDatabase();
    const metas = await onTwoServersAtOnce(
      url,
      ['SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]],
      async (server) => {
        await server.migrate();
        return server.readMeta();
      },
    );
    const versions = await onDatabase(url, (client) => client.query('SELECT version FROM schema_version'));
    expect(versions.rows).toEqual([{ version: POSTGRES_MIGRATIONS.length }]);
    expect(metas[0]?.epoch).toBeTruthy();
    expect(metas[1]).toEqual(metas[0]);
  });

  // Two servers on one database (beside each other, or one and the command line) meet only there.
  it('keeps an admin when two admins revoke each other at once through two servers, one waiting for the other', async () => {
    const url = await cluster().createDatabase();
    const setup = new PostgresStore(url);
    await setup.migrate();
    const network = await setup.createNetwork('A');
    const admins = ['0', '1'].map((digit) => ({
      id: newId(),
      networkId: network.id,
      name: 'Téléphone',
      memberId: newId(),
      memberName: `Admin ${digit}`,
      role: 'admin' as const,
      clockNode: digit.repeat(16),
      createdAt: new Date().toISOString(),
      lastSeenAt: null,
      revokedAt: null,
    }));
    for (const admin of admins) {
      const { code } = await issueInvitation(setup, network.id, 'admin', 1);
      expect(await setup.redeemInvitation(hashCode(code), admin, admin.clockNode)).toBe(true);
    }
    const at = new Date().toISOString();
    const outcomes = await onTwoServersAtOnce(
      url,
      // The network's devices lock, as PostgresStore names it.
      ['SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`devices:${network.id}`]],
      (server, index) => {
        const asker = admins[index] as (typeof admins)[number];
        return server.revokeDevice(network.id, (admins[1 - index] as typeof asker).id, at, { askedBy: asker.id });
      },
    );
    expect(outcomes.sort()).toEqual(['asker_revoked', 'revoked']);
    expect((await setup.listDevices(network.id)).filter((one) => one.revokedAt === null)).toHaveLength(1);
    await setup.close();
  });

  // SQLite's writes and revocation each hold the whole database; PostgreSQL's lock rows.
  const data = new Uint8Array([1, 2, 3]);
  it.each([
    {
      write: 'push',
      send: (store: Store, device: Device) => {
        const now = Date.now();
        return store.push({
          context: {
            networkId: device.networkId,
            role: device.role,
            clock: new HybridClock(SERVER_CLOCK_NODE),
            now,
            pusher: device,
          },
          mutations: [visitCreation(now)],
        });
      },
      answer: { results: [], clockAheadMs: 0, revoked: true },
      kept: async (store: Store, networkId: string) =>
        expect((await store.pull(networkId, 0, 100)).changes).toEqual([]),
    },
    {
      write: 'upload of a file',
      send: (store: Store, device: Device) =>
        store.putAttachment(
          device.networkId,
          { sha256: 'f'.repeat(64), mimeType: 'image/png', size: data.byteLength, data },
          100,
          device.id,
        ),
      answer: { stored: false, revoked: true },
      kept: async (store: Store, networkId: string) => expect(await store.attachmentBytes(networkId)).toBe(0),
    },
  ])(
    'writes nothing of a $write by a device whose revocation commits while it runs',
    async ({ send, answer, kept }) => {
      const url = await cluster().createDatabase();
      const store = new PostgresStore(url);
      await store.migrate();
      const network = await store.createNetwork('A');
      const stolen: Device = {
        id: newId(),
        networkId: network.id,
        name: 'Téléphone',
        memberId: newId(),
        memberName: 'Camille',
        role: 'concierge',
        clockNode: '0123456789abcdef',
        createdAt: new Date().toISOString(),
        lastSeenAt: null,
        revokedAt: null,
      };
      const { code } = await issueInvitation(store, network.id, 'concierge', 1);
      expect(await store.redeemInvitation(hashCode(code), stolen, stolen.clockNode.repeat(4))).toBe(true);
      const [admin, watcher] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
      await Promise.all([admin.connect(), watcher.connect()]);
      try {
        // revokeDevice's write, held uncommitted: the admin's revocation under way.
        await admin.query('BEGIN');
        await admin.query('UPDATE devices SET revoked_at = $1 WHERE id = $2', [new Date().toISOString(), stolen.id]);
        let ended = false;
        const writing = send(store, stolen).finally(() => {
          ended = true;
        });
        await waitFor('the write waits for the revocation, or ends', async () => {
          const { rows } = await watcher.query(
            `SELECT COUNT(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return ended || Number(rows[0].count) === 1;
        });
        expect(ended, 'the write ended without waiting for the revocation under way').toBe(false);
        await admin.query('COMMIT');
        expect(await writing).toEqual(answer);
        await kept(store, network.id);
      } finally {
        await Promise.all([admin.end(), watcher.end(), store.close()]);
      }
    },
  );
});
