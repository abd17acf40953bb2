// Schema migrations of the PostgreSQL store, applied in order; `schema_version` remembers the
// last. Records keep their JSON as text (not jsonb) so a pull splices it unchanged, as on SQLite;
// timestamps are ISO strings, as on SQLite, so both stores answer byte for byte alike.
import type pg from 'pg';
import { newId } from '../../domain/ids';
import { epochEntries, FIRST_START } from '../ops/epoch';
import { newSealKey } from '../push/conflict-seal';
import { MembersByName, noteWithAuthorId } from './member-ids';
import { repairedClocks } from './repair-clocks';

/** SQL, or a step in code for what SQL cannot say; all run in the migration's transaction. */
export type PostgresMigration = string | ((client: pg.PoolClient, now: number) => Promise<void>);

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
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
  CREATE SEQUENCE record_seq;
  CREATE TABLE records (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id),
    type TEXT NOT NULL,
    seq BIGINT NOT NULL,
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
  );
  CREATE TABLE attachments (
    network_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (network_id, sha256)
  );
  `,
  repairFutureClocks,
  async (client, now) => {
    await client.query(`
      CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS brought_back (
        network_id TEXT NOT NULL,
        epoch TEXT NOT NULL,
        record_id TEXT NOT NULL,
        PRIMARY KEY (network_id, epoch, record_id)
      );
    `);
    for (const [key, value] of epochEntries(now, FIRST_START))
      await client.query('INSERT INTO server_meta (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [key, value]);
  },
  // A refusal replayed from the log keeps its code, so the device can say it in its language.
  'ALTER TABLE mutations ADD COLUMN IF NOT EXISTS code TEXT',
  // A record id is unique within its network, not across the server (see the SQLite store's
  // recordIdsPerNetwork: the starter valise's fixed ids, ids another network is still to create).
  async (client) => {
    const { rows } = await client.query(
      `SELECT a.attname AS name FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = 'records'::regclass AND i.indisprimary`,
    );
    if ((rows as { name: string }[]).some((row) => row.name === 'network_id')) return;
    await client.query('ALTER TABLE records DROP CONSTRAINT records_pkey, ADD PRIMARY KEY (network_id, id)');
  },
  // A restore's mark, from before pg_restore until its epoch is written (PostgresStore.replaceAlone):
  // pg_restore commits alone, so a restore cut short after it leaves the backup without its epoch.
  // Never in a backup (takeBackup leaves it out), so that pg_restore --clean never drops it.
  'CREATE TABLE IF NOT EXISTS restore_in_progress (id TEXT PRIMARY KEY, source TEXT NOT NULL, started_at TEXT NOT NULL)',
  invitationIds,
  // Each network keeps the count and bytes of its records in its row, which every push changes
  // in its own transaction (record-usage.ts): an admin's figure was a scan of all its records.
  // Counted here once from the records a server holds.
  `
  ALTER TABLE networks ADD COLUMN IF NOT EXISTS record_count BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS record_bytes BIGINT NOT NULL DEFAULT 0;
  UPDATE networks SET record_count = counted.count, record_bytes = counted.bytes
  FROM (SELECT network_id, COUNT(*) AS count, SUM(octet_length(data) + octet_length(clocks)) AS bytes
        FROM records GROUP BY network_id) AS counted
  WHERE networks.id = counted.network_id;
  `,
  sealKeys,
  memberIds,
];

/**
 * Members get ids (member-ids.ts; see the SQLite store's memberIds): devices, invitations and
 * event notes, each note sent again to every device (a new seq), its bytes counted in its
 * network's usage.
 */
async function memberIds(client: pg.PoolClient): Promise<void> {
  await client.query('ALTER TABLE devices ADD COLUMN IF NOT EXISTS member_id TEXT');
  await client.query('ALTER TABLE invitations ADD COLUMN IF NOT EXISTS for_member TEXT');
  const members = new MembersByName();
  const { rows: devices } = await client.query(
    'SELECT id, network_id, member_name, member_id FROM devices ORDER BY member_id IS NULL',
  );
  const unnamed: [id: string, memberId: string][] = [];
  for (const device of devices as { id: string; network_id: string; member_name: string; member_id: string | null }[]) {
    if (device.member_id !== null) members.know(device.network_id, device.member_name, device.member_id);
    else unnamed.push([device.id, members.of(device.network_id, device.member_name)]);
  }
  await client.query(
    `UPDATE devices SET member_id = given.member_id FROM unnest($1::text[], $2::text[]) AS given(id, member_id)
     WHERE devices.id = given.id`,
    [unnamed.map(([id]) => id), unnamed.map(([, memberId]) => memberId)],
  );
  await client.query('ALTER TABLE devices ALTER COLUMN member_id SET NOT NULL');
  await client.query('CREATE INDEX IF NOT EXISTS devices_member ON devices(network_id, member_id)');

  const { rows: notes } = await client.query(
    "SELECT network_id, id, data, clocks FROM records WHERE type = 'eventNotes' ORDER BY seq",
  );
  const stamped = (notes as { network_id: string; id: string; data: string; clocks: string }[]).map((note) => ({
    ...note,
    ...noteWithAuthorId(note.network_id, JSON.parse(note.data), JSON.parse(note.clocks), members),
  }));
  await client.query(
    `UPDATE records SET data = r.data, clocks = r.clocks, seq = nextval('record_seq')
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(network_id, id, data, clocks)
     WHERE records.network_id = r.network_id AND records.id = r.id`,
    [
      stamped.map((note) => note.network_id),
      stamped.map((note) => note.id),
      stamped.map((note) => note.data),
      stamped.map((note) => note.clocks),
    ],
  );
  // Counted again from the records, as the step that brought the usage counted it.
  await client.query(`
    UPDATE networks SET record_bytes = counted.bytes
    FROM (SELECT network_id, SUM(octet_length(data) + octet_length(clocks)) AS bytes FROM records GROUP BY network_id) AS counted
    WHERE networks.id = counted.network_id
  `);
}

/**
 * Each network gets the secret that seals the conflicts its server makes (see the SQLite
 * store's sealKeys): in its row, so in every pg_dump of the database.
 */
async function sealKeys(client: pg.PoolClient): Promise<void> {
  await client.query('ALTER TABLE networks ADD COLUMN IF NOT EXISTS seal_key TEXT');
  const { rows } = await client.query('SELECT id FROM networks WHERE seal_key IS NULL');
  const ids = (rows as { id: string }[]).map((row) => row.id);
  await client.query(
    `UPDATE networks SET seal_key = keyed.seal_key FROM unnest($1::text[], $2::text[]) AS keyed(id, seal_key)
     WHERE networks.id = keyed.id`,
    [ids, ids.map(() => newSealKey())],
  );
  await client.query('ALTER TABLE networks ALTER COLUMN seal_key SET NOT NULL');
}

/**
 * An invitation gets an id, the time it was made and the device that made it (see the SQLite
 * store's invitationIds): those made before get an id, and neither date nor author.
 */
async function invitationIds(client: pg.PoolClient): Promise<void> {
  await client.query(
    `ALTER TABLE invitations ADD COLUMN IF NOT EXISTS id TEXT,
       ADD COLUMN IF NOT EXISTS created_at TEXT, ADD COLUMN IF NOT EXISTS created_by TEXT`,
  );
  const { rows } = await client.query('SELECT code_hash FROM invitations WHERE id IS NULL');
  const hashes = (rows as { code_hash: string }[]).map((row) => row.code_hash);
  await client.query(
    `UPDATE invitations SET id = named.id FROM unnest($1::text[], $2::text[]) AS named(code_hash, id)
     WHERE invitations.code_hash = named.code_hash`,
    [hashes, hashes.map(() => newId())],
  );
  await client.query('ALTER TABLE invitations ALTER COLUMN id SET NOT NULL');
  await client.query('CREATE UNIQUE INDEX IF NOT EXISTS invitations_id ON invitations(id)');
}

/** Repaired records get a new seq, so every device pulls the repaired clocks. */
async function repairFutureClocks(client: pg.PoolClient, now: number): Promise<void> {
  const { rows } = await client.query('SELECT network_id, id, clocks FROM records ORDER BY seq');
  const networks: string[] = [];
  const ids: string[] = [];
  const clocks: string[] = [];
  for (const row of rows as { network_id: string; id: string; clocks: string }[]) {
    const repaired = repairedClocks(JSON.parse(row.clocks), now);
    if (!repaired) continue;
    networks.push(row.network_id);
    ids.push(row.id);
    clocks.push(JSON.stringify(repaired));
  }
  await client.query(
    `UPDATE records SET clocks = r.clocks, seq = nextval('record_seq')
     FROM unnest($1::text[], $2::text[], $3::text[]) AS r(network_id, id, clocks)
     WHERE records.network_id = r.network_id AND records.id = r.id`,
    [networks, ids, clocks],
  );
}
