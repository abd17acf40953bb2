// The store contract on both databases: SQLite in a temporary file, PostgreSQL in a throwaway
// cluster started for this file (one fresh database per test).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { MIGRATION_LOCK, PostgresStore } from '../../src/server/store/postgres';
import { POSTGRES_MIGRATIONS } from '../../src/server/store/postgres-schema';
import { SqliteStore } from '../../src/server/store/sqlite';
import type { Store } from '../../src/server/store/store';
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
}));

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
      const client = new pg.Client({ connectionString: urls.get(store) as string });
      await client.connect();
      try {
        await client.query('UPDATE records SET clocks = $1 WHERE id = $2', [JSON.stringify(clocks), recordId]);
        await client.query('UPDATE schema_version SET version = $1', [CLOCK_REPAIR_MIGRATION]);
      } finally {
        await client.end();
      }
    },
    async keyRecordsAsBefore(store) {
      const client = new pg.Client({ connectionString: urls.get(store) as string });
      await client.connect();
      try {
        await client.query('ALTER TABLE records DROP CONSTRAINT records_pkey, ADD PRIMARY KEY (id)');
        // The fifth migration keys records per network: the database as it was before it.
        await client.query('UPDATE schema_version SET version = 4');
      } finally {
        await client.end();
      }
    },
    async storeInvitationsAsBefore(store) {
      const client = new pg.Client({ connectionString: urls.get(store) as string });
      await client.connect();
      try {
        await client.query('ALTER TABLE invitations DROP COLUMN id, DROP COLUMN created_at, DROP COLUMN created_by');
        // The seventh migration gives invitations their ids: the database as it was before it.
        await client.query('UPDATE schema_version SET version = 6');
      } finally {
        await client.end();
      }
    },
  }));

  // SQLite's second server is refused by the data folder's lock; PostgreSQL's start beside each other.
  it('migrates a new database once when two servers start on it together', async () => {
    const url = await cluster().createDatabase();
    const [holder, watcher] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([holder.connect(), watcher.connect()]);
    const servers = [new PostgresStore(url, 2), new PostgresStore(url, 2)];
    try {
      // Both start while the holder has the migration lock, then go as they can.
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const migrations = servers.map((server) => server.migrate());
      await waitFor(
        'both servers wait to migrate',
        async () => {
          const { rows } = await watcher.query(
            `SELECT COUNT(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'`,
          );
          return Number(rows[0].count) === 2;
        },
        { timeout: 20_000 },
      );
      await holder.query('COMMIT');
      await Promise.all(migrations);
      expect((await watcher.query('SELECT version FROM schema_version')).rows).toEqual([
        { version: POSTGRES_MIGRATIONS.length },
      ]);
      const [first, second] = servers as [PostgresStore, PostgresStore];
      expect((await first.readMeta()).epoch).toBeTruthy();
      expect(await second.readMeta()).toEqual(await first.readMeta());
    } finally {
      await Promise.all([holder.end(), watcher.end(), ...servers.map((server) => server.close())]);
    }
  });
});
