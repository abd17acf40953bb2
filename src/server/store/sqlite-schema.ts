// Schema migrations of the SQLite store, applied in order; `user_version` remembers the last.
import type Database from 'better-sqlite3';
import { newId } from '../../domain/ids';
import { epochEntries, FIRST_START } from '../ops/epoch';
import { newSealKey } from '../push/conflict-seal';
import { MembersByName, noteWithAuthorId } from './member-ids';
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
    for (const [key, value] of epochEntries(now, FIRST_START)) insert.run(key, value);
  },
  // A refusal replayed from the log keeps its code, so the device can say it in its language.
  // Idempotent, as every step after the first (SQLite has no ADD COLUMN IF NOT EXISTS).
  (db) => {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all('mutations') as { name: string }[];
    if (!columns.some((column) => column.name === 'code')) db.exec('ALTER TABLE mutations ADD COLUMN code TEXT');
  },
  recordIdsPerNetwork,
  networkNumbers,
  invitationIds,
  recordUsage,
  sealKeys,
  memberIds,
];

/**
 * Members get ids (member-ids.ts): each device its member's, each invitation the member it may
 * be for, each event note its author's, sent again to every device (a new seq) with its bytes
 * counted in its network's usage.
 */
function memberIds(db: Database.Database): void {
  const has = (table: string, column: string) =>
    (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).some(
      (row) => row.name === column,
    );
  if (!has('devices', 'member_id')) db.exec('ALTER TABLE devices ADD COLUMN member_id TEXT');
  if (!has('invitations', 'for_member')) db.exec('ALTER TABLE invitations ADD COLUMN for_member TEXT');
  const members = new MembersByName();
  const devices = db
    .prepare('SELECT id, network_id, member_name, member_id FROM devices ORDER BY member_id IS NULL')
    .all() as {
    id: string;
    network_id: string;
    member_name: string;
    member_id: string | null;
  }[];
  const giveMember = db.prepare('UPDATE devices SET member_id = ? WHERE id = ?');
  for (const device of devices) {
    if (device.member_id !== null) members.know(device.network_id, device.member_name, device.member_id);
    else giveMember.run(members.of(device.network_id, device.member_name), device.id);
  }
  db.exec('CREATE INDEX IF NOT EXISTS devices_member ON devices(network_id, member_id)');

  const notes = db
    .prepare(
      `SELECT records.rowid, networks.id AS network_id, networks.number, records.data, records.clocks
       FROM records JOIN networks ON networks.number = records.network_number WHERE records.type = 'eventNotes'`,
    )
    .all() as { rowid: number; network_id: string; number: number; data: string; clocks: string }[];
  // Past the gap a restore leaves (RESTORE_SEQ_GAP), as a push's seqs are.
  let seq = (
    db
      .prepare(
        `SELECT MAX(COALESCE((SELECT MAX(seq) FROM records), 0),
                    COALESCE((SELECT CAST(value AS INTEGER) FROM server_meta WHERE key = 'seqFloor'), 0)) AS seq`,
      )
      .get() as { seq: number }
  ).seq;
  const update = db.prepare('UPDATE records SET data = ?, clocks = ?, seq = ? WHERE rowid = ?');
  const grow = db.prepare('UPDATE networks SET record_bytes = record_bytes + ? WHERE number = ?');
  for (const note of notes) {
    const stamped = noteWithAuthorId(note.network_id, JSON.parse(note.data), JSON.parse(note.clocks), members);
    update.run(stamped.data, stamped.clocks, ++seq, note.rowid);
    const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
    grow.run(bytes(stamped.data) + bytes(stamped.clocks) - bytes(note.data) - bytes(note.clocks), note.number);
  }
}

/**
 * Each network gets the secret that seals the conflicts its server makes (conflict-seal.ts),
 * kept in its row so that every backup holds it: a server restored from one takes back from
 * devices the conflicts it made since, and only those. A network of a store migrated here gets
 * a new one; a backup taken before holds none, and the restored store gets another, under
 * which the seals made since do not hold (those conflicts stay on the devices, as before seals).
 */
function sealKeys(db: Database.Database): void {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all('networks') as { name: string }[];
  if (!columns.some((column) => column.name === 'seal_key')) db.exec('ALTER TABLE networks ADD COLUMN seal_key TEXT');
  const give = db.prepare('UPDATE networks SET seal_key = ? WHERE id = ?');
  for (const { id } of db.prepare('SELECT id FROM networks WHERE seal_key IS NULL').all() as { id: string }[])
    give.run(newSealKey(), id);
}

/**
 * Each network keeps the count and bytes of its records in its row, which every push changes
 * in its own transaction (record-usage.ts): an admin's figure was a scan of all its records.
 * Counted here once from the records a server holds.
 */
function recordUsage(db: Database.Database): void {
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('networks') as { name: string }[]).map(
    (column) => column.name,
  );
  for (const column of ['record_count', 'record_bytes'])
    if (!columns.includes(column)) db.exec(`ALTER TABLE networks ADD COLUMN ${column} INTEGER NOT NULL DEFAULT 0`);
  // length() of a BLOB counts bytes; of TEXT, characters.
  db.exec(`
    UPDATE networks SET record_count = counted.count, record_bytes = counted.bytes
    FROM (SELECT network_number, COUNT(*) AS count, SUM(length(CAST(data AS BLOB)) + length(CAST(clocks AS BLOB))) AS bytes
          FROM records GROUP BY network_number) AS counted
    WHERE networks.number = counted.network_number
  `);
}

/**
 * An invitation gets an id, the time it was made and the device that made it: its network's
 * admins list the open ones and cancel one by its id, since only its code's hash is kept. Those
 * made before get an id, and neither date nor author (none was kept, and its expiry does not
 * tell it: each was given its own length).
 */
function invitationIds(db: Database.Database): void {
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('invitations') as { name: string }[]).map(
    (column) => column.name,
  );
  // SQLite adds no NOT NULL column without a default: the store always writes the id.
  for (const column of ['id', 'created_at', 'created_by'])
    if (!columns.includes(column)) db.exec(`ALTER TABLE invitations ADD COLUMN ${column} TEXT`);
  const name = db.prepare('UPDATE invitations SET id = ? WHERE code_hash = ?');
  const unnamed = db.prepare('SELECT code_hash FROM invitations WHERE id IS NULL').all() as { code_hash: string }[];
  for (const row of unnamed) name.run(newId(), row.code_hash);
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS invitations_id ON invitations(id)');
}

/**
 * A record id is unique within its network, not across the server: the starter valise has
 * fixed ids every network seeds, and with one id space the first network to seed it kept them
 * all (every other network's admin had its valise refused), and any device could take an id
 * another network was still to create. SQLite cannot change a primary key: the table is
 * copied into one keyed by (network, id).
 */
function recordIdsPerNetwork(db: Database.Database): void {
  const keys = db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0').all('records') as { name: string }[];
  // Keyed by network already, by its id or (networkNumbers, later) by its number.
  if (keys.length > 1) return;
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

/**
 * Records and the mutation log are keyed by the network's number in this file, not by its id:
 * the id's 36 characters were repeated in every row and in every entry of both keys and of
 * the seq index, where a number takes a byte. 20,000 records and their log took 4,563 pages,
 * now 3,739 (the seq index 265 → 62), and a push writes that much less. The number is the
 * network's for good (networks are never deleted); a store looks it up in the transaction that
 * uses it. Each table is copied once, whatever layout it comes from.
 */
function networkNumbers(db: Database.Database): void {
  const has = (table: string, column: string) =>
    (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).some(
      (row) => row.name === column,
    );
  if (!has('networks', 'number')) {
    db.exec(`
      ALTER TABLE networks ADD COLUMN number INTEGER;
      UPDATE networks SET number = numbered.number
        FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS number FROM networks) AS numbered
        WHERE networks.id = numbered.id;
      CREATE UNIQUE INDEX networks_number ON networks(number);
    `);
  }
  if (!has('records', 'network_number')) {
    db.exec(`
      CREATE TABLE records_numbered (
        id TEXT NOT NULL,
        network_number INTEGER NOT NULL REFERENCES networks(number),
        type TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        clocks TEXT NOT NULL,
        PRIMARY KEY (network_number, id)
      );
      INSERT INTO records_numbered (id, network_number, type, seq, data, clocks)
        SELECT records.id, networks.number, type, seq, data, clocks FROM records JOIN networks ON networks.id = records.network_id;
      DROP TABLE records;
      ALTER TABLE records_numbered RENAME TO records;
      CREATE UNIQUE INDEX records_network_seq ON records(network_number, seq);
    `);
  }
  if (!has('mutations', 'network_number')) {
    db.exec(`
      CREATE TABLE mutations_numbered (
        network_number INTEGER NOT NULL,
        id TEXT NOT NULL,
        status TEXT NOT NULL,
        reason TEXT,
        code TEXT,
        PRIMARY KEY (network_number, id)
      ) WITHOUT ROWID;
      INSERT INTO mutations_numbered (network_number, id, status, reason, code)
        SELECT networks.number, mutations.id, status, reason, code FROM mutations JOIN networks ON networks.id = mutations.network_id;
      DROP TABLE mutations;
      ALTER TABLE mutations_numbered RENAME TO mutations;
    `);
  }
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

/**
 * Repaired records get a new seq, so every device pulls the repaired clocks. Rows are named by
 * rowid, which every layout of the records table has (their network column changed).
 */
function repairFutureClocks(db: Database.Database, now: number): void {
  const update = db.prepare('UPDATE records SET clocks = ?, seq = ? WHERE rowid = ?');
  let seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM records').get() as { seq: number }).seq;
  const rows = db.prepare('SELECT rowid, clocks FROM records ORDER BY seq').all() as {
    rowid: number;
    clocks: string;
  }[];
  for (const row of rows) {
    const repaired = repairedClocks(JSON.parse(row.clocks), now);
    if (repaired) update.run(JSON.stringify(repaired), ++seq, row.rowid);
  }
}
