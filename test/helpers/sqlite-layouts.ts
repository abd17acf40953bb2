// Earlier layouts of the SQLite store's tables, rebuilt from a store's current file with its
// rows, to test that the migrations bring every layout a server may still hold up to date.
import type Database from 'better-sqlite3';

/** Migrations applied by the layout where records are keyed by the network's id (c630075). */
export const BEFORE_NETWORK_NUMBERS = 5;
/** Migrations applied by the layout where invitations have no id (networkNumbers was its last). */
const BEFORE_INVITATION_IDS = 6;
/** Migrations applied by the layout where records are keyed by their id alone. */
export const BEFORE_RECORD_IDS_PER_NETWORK = 4;

/** Records and the mutation log keyed by the network's id, networks without a number. */
export function keyByNetworkId(db: Database.Database): void {
  db.exec(`
    CREATE TABLE records_by_network_id (id TEXT NOT NULL, network_id TEXT NOT NULL REFERENCES networks(id),
      type TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL, clocks TEXT NOT NULL, PRIMARY KEY (network_id, id));
    INSERT INTO records_by_network_id SELECT records.id, networks.id, type, seq, data, clocks
      FROM records JOIN networks ON networks.number = records.network_number;
    DROP TABLE records;
    ALTER TABLE records_by_network_id RENAME TO records;
    CREATE UNIQUE INDEX records_network_seq ON records(network_id, seq);
    CREATE TABLE mutations_by_network_id (network_id TEXT NOT NULL, id TEXT NOT NULL, status TEXT NOT NULL,
      reason TEXT, code TEXT, PRIMARY KEY (network_id, id)) WITHOUT ROWID;
    INSERT INTO mutations_by_network_id SELECT networks.id, mutations.id, status, reason, code
      FROM mutations JOIN networks ON networks.number = mutations.network_number;
    DROP TABLE mutations;
    ALTER TABLE mutations_by_network_id RENAME TO mutations;
    DROP INDEX networks_number;
    ALTER TABLE networks DROP COLUMN number;
  `);
  db.pragma(`user_version = ${BEFORE_NETWORK_NUMBERS}`);
}

/** Records keyed by their id alone (one id space for the whole server), as before c630075. */
export function keyByRecordId(db: Database.Database): void {
  keyByNetworkId(db);
  db.exec(`
    CREATE TABLE records_by_id (id TEXT PRIMARY KEY, network_id TEXT NOT NULL REFERENCES networks(id),
      type TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL, clocks TEXT NOT NULL);
    INSERT INTO records_by_id SELECT id, network_id, type, seq, data, clocks FROM records;
    DROP TABLE records;
    ALTER TABLE records_by_id RENAME TO records;
    CREATE UNIQUE INDEX records_network_seq ON records(network_id, seq);
  `);
  db.pragma(`user_version = ${BEFORE_RECORD_IDS_PER_NETWORK}`);
}

/** Invitations without id, date or author, as before they were listed (the last migration adds them). */
export function invitationsWithoutIds(db: Database.Database): void {
  db.exec(`
    DROP INDEX invitations_id;
    ALTER TABLE invitations DROP COLUMN id;
    ALTER TABLE invitations DROP COLUMN created_at;
    ALTER TABLE invitations DROP COLUMN created_by;
  `);
  db.pragma(`user_version = ${BEFORE_INVITATION_IDS}`);
}
