// Schema migrations of the SQLite store, applied in order; `user_version` remembers the last.
import type Database from 'better-sqlite3';
import { epochEntries } from '../ops/epoch';
import { repairedClocks } from './repair-clocks';

/** SQL, or a step in code for what SQL cannot say; each runs in its own transaction. */
export type SqliteMigration = string | ((db: Database.Database, now: number) => void);

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  `
  CREATE TABLE networks (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id),
    name TEXT NOT NULL,
    member_name TEXT NOT NULL,
    role TEXT NOT NULL,
    clock_node TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX devices_network ON devices(network_id);
  CREATE TABLE invitations (
    code_hash TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id),
    role TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE records (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id),
    type TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data TEXT NOT NULL,
    clocks TEXT NOT NULL
  );
  CREATE UNIQUE INDEX records_network_seq ON records(network_id, seq);
  CREATE TABLE mutations (
    network_id TEXT NOT NULL,
    id TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (network_id, id)
  ) WITHOUT ROWID;
  CREATE TABLE attachments (
    network_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (network_id, sha256)
  ) WITHOUT ROWID;
  `,
  repairFutureClocks,
  (db, now) => {
    db.exec(SERVER_META_SQL);
    const insert = db.prepare('INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING');
    for (const [key, value] of epochEntries(now, 'first start')) insert.run(key, value);
  },
  // A refusal replayed from the log keeps its code, so the device can say it in its language.
  // Idempotent, as every step after the first (SQLite has no ADD COLUMN IF NOT EXISTS).
  (db) => {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all('mutations') as { name: string }[];
    if (!columns.some((column) => column.name === 'code')) db.exec('ALTER TABLE mutations ADD COLUMN code TEXT');
  },
  recordIdsPerNetwork,
];

/**
 * A record id is unique within its network, not across the server: the starter valise has
 * fixed ids every network seeds, and with one id space the first network to seed it kept them
 * all (every other network's admin had its valise refused), and any device could take an id
 * another network was still to create. SQLite cannot change a primary key: the table is
 * copied into one keyed by (network, id).
 */
function recordIdsPerNetwork(db: Database.Database): void {
  const keys = db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0').all('records') as { name: string }[];
  if (keys.some((key) => key.name === 'network_id')) return;
  db.exec(`
    CREATE TABLE records_per_network (
      id TEXT NOT NULL,
      network_id TEXT NOT NULL REFERENCES networks(id),
      type TEXT NOT NULL,
      seq INTEGER NOT NULL,
      data TEXT NOT NULL,
      clocks TEXT NOT NULL,
      PRIMARY KEY (network_id, id)
    );
    INSERT INTO records_per_network (id, network_id, type, seq, data, clocks)
      SELECT id, network_id, type, seq, data, clocks FROM records;
    DROP TABLE records;
    ALTER TABLE records_per_network RENAME TO records;
    CREATE UNIQUE INDEX records_network_seq ON records(network_id, seq);
  `);
}

/** The server's identity (epoch, see src/server/ops/epoch.ts), last backup, what devices brought back; idempotent. */
const SERVER_META_SQL = `
  CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS brought_back (
    network_id TEXT NOT NULL,
    epoch TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (network_id, epoch, record_id)
  ) WITHOUT ROWID;
`;

/** Repaired records get a new seq, so every device pulls the repaired clocks. */
function repairFutureClocks(db: Database.Database, now: number): void {
  const update = db.prepare('UPDATE records SET clocks = ?, seq = ? WHERE network_id = ? AND id = ?');
  let seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM records').get() as { seq: number }).seq;
  const rows = db.prepare('SELECT network_id, id, clocks FROM records ORDER BY seq').all() as {
    network_id: string;
    id: string;
    clocks: string;
  }[];
  for (const row of rows) {
    const repaired = repairedClocks(JSON.parse(row.clocks), now);
    if (repaired) update.run(JSON.stringify(repaired), ++seq, row.network_id, row.id);
  }
}
