// The embedded store: one SQLite file (better-sqlite3). Every statement is synchronous, so a
// push's read-plan-write runs inside one SQLite transaction with nothing interleaved.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { newId } from '../../domain/ids';
import type { Change, OpenInvitationInfo } from '../../protocol/wire';
import { type MetaKey, networkEpochKey, networkEpochStartKey, RESTORE_SEQ_GAP } from '../ops/epoch';
import { newSealKey } from '../push/conflict-seal';
import {
  authorNames,
  ownersToRead,
  type PushPlan,
  planPush,
  pushAnswers,
  type RecordRow,
  recordJson,
  type SavedResult,
  withinReadBound,
} from '../push/plan';
import { newerSchemaRefusal } from './newer-schema';
import { fitsRecordQuota, usageChange } from './record-usage';
import {
  openInvitationsSql,
  type Row,
  savedColumns,
  toChange,
  toDevice,
  toInvitation,
  toNetwork,
  toOpenInvitation,
  toRecordRow,
  toSaved,
} from './rows';
import { SQLITE_MIGRATIONS, type SqliteMigration } from './sqlite-schema';
import type {
  AttachmentPut,
  Device,
  Invitation,
  InvitationKey,
  Network,
  NetworkRecordUsage,
  PullPage,
  PushInput,
  PushOutput,
  RawChange,
  RecordUsage,
  Revocation,
  Store,
  StoredAttachment,
} from './store';
import { MAX_PULL_PAGE_CHARS } from './store';

/** Found when a device was removed: its push or upload, checked before its body arrived, writes nothing. */
const REVOKED_DEVICE = 'SELECT 1 FROM devices WHERE id = ? AND revoked_at IS NOT NULL';

/** Rows one multi-row INSERT writes (at most 6 × this many values are bound). */
const ROWS_PER_INSERT = 16;

/** `rows` rows of `columns` placeholders, for a multi-row VALUES. */
function placeholders(rows: number, columns: number): string {
  const row = `(${Array(columns).fill('?').join(', ')})`;
  return Array(rows).fill(row).join(', ');
}

const upsertRecords = (rows: number) =>
  `INSERT INTO records (id, network_number, type, seq, data, clocks) VALUES ${placeholders(rows, 6)}
   ON CONFLICT (network_number, id) DO UPDATE SET seq = excluded.seq, data = excluded.data, clocks = excluded.clocks`;

const insertResults = (rows: number) =>
  `INSERT INTO mutations (network_number, id, status, reason, code) VALUES ${placeholders(rows, 5)}`;

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly db: Database.Database;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // NORMAL under WAL is durable against process crashes (SIGKILL); only an OS crash or power
    // cut may lose the last transactions, never corrupt the file.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  async migrate(): Promise<void> {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SQLITE_MIGRATIONS.length)
      throw newerSchemaRefusal(`the database ${this.path}`, version, SQLITE_MIGRATIONS.length);
    for (let index = version; index < SQLITE_MIGRATIONS.length; index++) {
      this.db.transaction(() => {
        const migration = SQLITE_MIGRATIONS[index] as SqliteMigration;
        if (typeof migration === 'string') this.db.exec(migration);
        else migration(this.db, Date.now());
        this.db.pragma(`user_version = ${index + 1}`);
      })();
    }
  }

  async ping(): Promise<boolean> {
    return (this.db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async createNetwork(name: string): Promise<Network> {
    const network = { id: newId(), name, createdAt: new Date().toISOString() };
    this.db
      .prepare(
        'INSERT INTO networks (id, name, created_at, seal_key, number) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM networks))',
      )
      .run(network.id, name, network.createdAt, newSealKey());
    return network;
  }

  async getNetwork(id: string): Promise<Network | null> {
    const row = this.db.prepare('SELECT * FROM networks WHERE id = ?').get(id) as Row | undefined;
    return row ? toNetwork(row) : null;
  }

  async renameNetwork(id: string, name: string, { askedBy }: { askedBy?: string } = {}): Promise<Network | null> {
    const row = this.db
      .prepare(
        `UPDATE networks SET name = ? WHERE id = ? AND (? IS NULL OR EXISTS
           (SELECT 1 FROM devices WHERE id = ? AND network_id = networks.id AND revoked_at IS NULL)) RETURNING *`,
      )
      .get(name, id, askedBy ?? null, askedBy ?? null) as Row | undefined;
    return row ? toNetwork(row) : null;
  }

  async listNetworks(): Promise<Network[]> {
    return (this.db.prepare('SELECT * FROM networks ORDER BY created_at').all() as Row[]).map(toNetwork);
  }

  async createInvitation(invitation: Invitation): Promise<boolean> {
    // One statement: a revocation of its creator commits wholly before or after it.
    const created = this.db
      .prepare(
        `INSERT INTO invitations (id, code_hash, network_id, role, created_at, created_by, for_member, expires_at, used_at, attempts)
         SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
         WHERE ? IS NULL OR EXISTS (SELECT 1 FROM devices WHERE id = ? AND network_id = ? AND revoked_at IS NULL)`,
      )
      .run(
        invitation.id,
        invitation.codeHash,
        invitation.networkId,
        invitation.role,
        invitation.createdAt,
        invitation.createdBy,
        invitation.forMember,
        invitation.expiresAt,
        invitation.usedAt,
        invitation.attempts,
        invitation.createdBy,
        invitation.createdBy,
        invitation.networkId,
      );
    return created.changes === 1;
  }

  async findInvitation(codeHash: string): Promise<Invitation | null> {
    const row = this.db
      .prepare('UPDATE invitations SET attempts = attempts + 1 WHERE code_hash = ? RETURNING *')
      .get(codeHash) as Row | undefined;
    return row ? toInvitation(row) : null;
  }

  async redeemInvitation(codeHash: string, device: Device, tokenHash: string): Promise<boolean> {
    return this.db.transaction(() => {
      const used = this.db
        .prepare('UPDATE invitations SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?')
        .run(device.createdAt, codeHash, device.createdAt);
      if (used.changes !== 1) return false;
      this.db
        .prepare(
          `INSERT INTO devices (id, network_id, name, member_id, member_name, role, clock_node, token_hash, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          device.id,
          device.networkId,
          device.name,
          device.memberId,
          device.memberName,
          device.role,
          device.clockNode,
          tokenHash,
          device.createdAt,
        );
      return true;
    })();
  }

  async listOpenInvitations(networkId: string, at: string): Promise<OpenInvitationInfo[]> {
    return (this.db.prepare(openInvitationsSql('?', '?')).all(networkId, at) as Row[]).map(toOpenInvitation);
  }

  async endInvitation(networkId: string, key: InvitationKey, at: string): Promise<boolean> {
    const [column, value] = 'id' in key ? ['id', key.id] : ['code_hash', key.codeHash];
    const ended = this.db
      .prepare(
        `UPDATE invitations SET expires_at = ? WHERE ${column} = ? AND network_id = ? AND used_at IS NULL AND expires_at > ?`,
      )
      .run(at, value, networkId, at);
    return ended.changes === 1;
  }

  async findDeviceByTokenHash(tokenHash: string): Promise<Device | null> {
    const row = this.db.prepare('SELECT * FROM devices WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    return row ? toDevice(row) : null;
  }

  async touchDevice(id: string, at: string): Promise<void> {
    this.db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(at, id);
  }

  async listDevices(networkId: string): Promise<Device[]> {
    return (
      this.db.prepare('SELECT * FROM devices WHERE network_id = ? ORDER BY created_at').all(networkId) as Row[]
    ).map(toDevice);
  }

  async revokeDevice(
    networkId: string,
    deviceId: string,
    at: string,
    { askedBy }: { askedBy?: string } = {},
  ): Promise<Revocation> {
    const run = this.db.transaction((): Revocation => {
      if (askedBy !== undefined) {
        const asker = this.db
          .prepare('SELECT 1 FROM devices WHERE id = ? AND network_id = ? AND revoked_at IS NULL')
          .get(askedBy, networkId);
        if (!asker) return 'asker_revoked';
        const { others } = this.db
          .prepare(
            "SELECT count(*) AS others FROM devices WHERE network_id = ? AND id != ? AND role = 'admin' AND revoked_at IS NULL",
          )
          .get(networkId, deviceId) as { others: number };
        const role = this.db
          .prepare('SELECT role FROM devices WHERE id = ? AND network_id = ? AND revoked_at IS NULL')
          .get(deviceId, networkId) as { role: string } | undefined;
        if (role?.role === 'admin' && others === 0) return 'last_admin';
      }
      const revoked = this.db
        .prepare(
          'UPDATE devices SET revoked_at = ? WHERE id = ? AND network_id = ? AND revoked_at IS NULL RETURNING role',
        )
        .get(at, deviceId, networkId) as { role: string } | undefined;
      if (!revoked) return 'not_found';
      if (revoked.role === 'admin')
        this.db
          .prepare('UPDATE invitations SET expires_at = ? WHERE network_id = ? AND used_at IS NULL AND expires_at > ?')
          .run(at, networkId, at);
      return 'revoked';
    });
    // Immediate, as the push's: it reads then writes, and a deferred one would fail with
    // SQLITE_BUSY_SNAPSHOT, not decide, when another process (the command line) wrote between.
    return run.immediate();
  }

  async push({ context, mutations, recordQuotaBytes }: PushInput): Promise<PushOutput> {
    const { networkId } = context;
    // Not one statement per mutation: a push of a thousand mutations reads in one statement
    // per table, with the ids as one JSON array, and writes rows in blocks (insertRows).
    // Rows are keyed by the network's number; a record row names the network by its id.
    // With each record's bytes as stored (length() of a BLOB counts bytes; of TEXT, characters).
    const selectRecords = this.statement(
      `SELECT id, ? AS network_id, type, data, clocks
       FROM records WHERE network_number = ? AND id IN (SELECT value FROM json_each(?))`,
    );
    // octet_length() of a TEXT column is its stored size, found without reading the text.
    const selectSizes = this.statement(
      `SELECT id, octet_length(data) + octet_length(clocks) AS bytes
       FROM records WHERE network_number = ? AND id IN (SELECT value FROM json_each(?))`,
    );
    const selectResults = this.statement(
      'SELECT id, status, reason, code FROM mutations WHERE network_number = ? AND id IN (SELECT value FROM json_each(?))',
    );
    const broughtBack = this.statement(
      // The epoch the network's devices are told, and when it began: the later of its two parts
      // (readEpoch in src/server/ops/epoch.ts). A value written since was not lost by it.
      `INSERT INTO brought_back (network_id, epoch, record_id)
       SELECT ?, server.value || COALESCE('.' || own.value, ''), ?
       FROM server_meta AS server LEFT JOIN server_meta AS own ON own.key = ?
       LEFT JOIN server_meta AS started ON started.key = 'epochStartedAt'
       LEFT JOIN server_meta AS own_started ON own_started.key = ?
       WHERE server.key = 'epoch' AND ? < MAX(COALESCE(started.value, ''), COALESCE(own_started.value, ''))
       ON CONFLICT DO NOTHING`,
    );
    // Past the gap a restore leaves (RESTORE_SEQ_GAP) until the network's records reach it.
    const selectLastSeq = this.statement(
      `SELECT MAX(COALESCE((SELECT MAX(seq) FROM records WHERE network_number = ?), 0),
                  COALESCE((SELECT CAST(value AS INTEGER) FROM server_meta WHERE key = 'seqFloor'), 0)) AS seq`,
    );
    const countUsage = this.statement(
      'UPDATE networks SET record_count = record_count + ?, record_bytes = record_bytes + ? WHERE number = ?',
    );

    const revoked = this.statement(REVOKED_DEVICE);
    const selectNetwork = this.statement('SELECT number, seal_key, record_bytes FROM networks WHERE id = ?');
    const run = this.db.transaction((): PushOutput => {
      const network = selectNetwork.get(networkId) as
        | { number: number; seal_key: string; record_bytes: number }
        | undefined;
      if (network === undefined) throw new Error(`push to an unknown network ${networkId}`);
      const { number, seal_key: sealKey } = network;
      if (revoked.get(context.pusher.id)) return { results: [], clockAheadMs: 0, revoked: true };
      const existing = new Map<string, RecordRow>();
      const storedBytes = new Map<string, number>();
      const read = (ids: readonly string[]) => {
        for (const row of selectRecords.all(networkId, number, JSON.stringify(ids)) as Row[])
          existing.set(row.id as string, toRecordRow(row));
      };
      const measure = (ids: readonly string[]) => {
        for (const row of selectSizes.all(number, JSON.stringify(ids)) as Row[])
          storedBytes.set(row.id as string, row.bytes as number);
      };
      const prior = new Map<string, SavedResult>();
      measure([...new Set(mutations.map((mutation) => mutation.recordId))]);
      let planned = withinReadBound(context.role, mutations, existing, storedBytes);
      read([...new Set(planned.map((mutation) => mutation.recordId))]);
      const owners = ownersToRead(context.role, planned, existing);
      if (owners.length > 0) {
        measure(owners);
        planned = withinReadBound(context.role, planned, existing, storedBytes);
        read(ownersToRead(context.role, planned, existing));
      }
      const mutationIds = JSON.stringify([...new Set(planned.map((mutation) => mutation.id))]);
      for (const row of selectResults.all(number, mutationIds) as Row[]) prior.set(row.id as string, toSaved(row));
      const plan = planPush({ ...context, authorOf: this.authorsOf(networkId), sealKey }, planned, existing, prior);
      // Taken inside the write transaction, from what is committed: nothing counted in memory
      // can go stale (another process, a restored file). Per network, through its seq index.
      const seqBefore = (selectLastSeq.get(number) as { seq: number }).seq;
      // The plan writes rows of the pushing network only (each row's networkId is the context's).
      const { writes } = plan;
      const json = writes.map(recordJson);
      const clocks = writes.map((row) => JSON.stringify(row.clocks));
      const usage = usageChange(writes, json, clocks, storedBytes);
      if (!fitsRecordQuota(network.record_bytes, usage.bytes, recordQuotaBytes))
        return { results: [], clockAheadMs: 0, full: { usedBytes: network.record_bytes } };
      this.insertRows(upsertRecords, 6, writes.length, (index, values, at) => {
        const row = writes[index] as RecordRow;
        values[at] = row.id;
        values[at + 1] = number;
        values[at + 2] = row.type;
        values[at + 3] = seqBefore + 1 + index;
        values[at + 4] = json[index];
        values[at + 5] = clocks[index];
      });
      // Once per push, with the whole push's change.
      if (usage.count !== 0 || usage.bytes !== 0) countUsage.run(usage.count, usage.bytes, number);
      for (const { recordId, writtenAt } of plan.broughtBack)
        broughtBack.run(networkId, recordId, networkEpochKey(networkId), networkEpochStartKey(networkId), writtenAt);
      const fresh = plan.results.filter((entry) => !entry.replay);
      this.insertRows(insertResults, 5, fresh.length, (index, values, at) => {
        const entry = fresh[index] as PushPlan['results'][number];
        const [status, reason, code] = savedColumns(entry.result);
        values[at] = number;
        values[at + 1] = entry.id;
        values[at + 2] = status;
        values[at + 3] = reason;
        values[at + 4] = code;
      });
      const results = pushAnswers(plan, (recordId) => this.currentChange(number, recordId));
      return { results, clockAheadMs: plan.clockAheadMs };
    });
    return run.immediate();
  }

  /**
   * Inserts `count` rows of `columns` values, ROWS_PER_INSERT rows per statement and the rest
   * one by one: each call into SQLite binds and steps once for a whole block, where one row
   * per call made that overhead about a fifth of a push's writes. `bind` puts row `index`'s
   * values into `values` from `at`. Rows of one block must not conflict with each other (a
   * push writes each record and each mutation id once).
   */
  private insertRows(
    sql: (rows: number) => string,
    columns: number,
    count: number,
    bind: (index: number, values: unknown[], at: number) => void,
  ): void {
    if (count === 0) return;
    const block = this.statement(sql(ROWS_PER_INSERT));
    const single = this.statement(sql(1));
    const values: unknown[] = new Array(ROWS_PER_INSERT * columns);
    const one: unknown[] = new Array(columns);
    let index = 0;
    for (; index + ROWS_PER_INSERT <= count; index += ROWS_PER_INSERT) {
      for (let offset = 0; offset < ROWS_PER_INSERT; offset++) bind(index + offset, values, offset * columns);
      block.run(values);
    }
    for (; index < count; index++) {
      bind(index, one, 0);
      single.run(one);
    }
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once per store: preparing is a parse of the SQL, every push would repeat it. */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private authorsOf(networkId: string): (node: string) => string {
    const rows = this.statement('SELECT clock_node, member_name FROM devices WHERE network_id = ?').all(
      networkId,
    ) as Row[];
    return authorNames(rows.map((row) => [row.clock_node as string, row.member_name as string]));
  }

  /** The network's number in this file (records and the mutation log are keyed by it); null: no such network. */
  private networkNumber(networkId: string): number | null {
    const row = this.statement('SELECT number FROM networks WHERE id = ?').get(networkId) as
      | { number: number }
      | undefined;
    return row?.number ?? null;
  }

  private currentChange(networkNumber: number, id: string): Change | null {
    const row = this.statement(
      'SELECT type, id, seq, data, clocks FROM records WHERE id = ? AND network_number = ?',
    ).get(id, networkNumber) as Row | undefined;
    return row ? toChange(row) : null;
  }

  async pull(networkId: string, since: number, limit: number, maxChars = MAX_PULL_PAGE_CHARS): Promise<PullPage> {
    const changes: RawChange[] = [];
    let chars = 0;
    const number = this.networkNumber(networkId);
    const rows = this.db
      .prepare(
        'SELECT type, id, seq, data, clocks FROM records WHERE network_number = ? AND seq > ? ORDER BY seq LIMIT ?',
      )
      .iterate(number, since, limit) as IterableIterator<RawChange>;
    for (const row of rows) {
      changes.push(row);
      chars += row.data.length + row.clocks.length;
      if (chars >= maxChars) break;
    }
    const last = changes.at(-1)?.seq ?? since;
    const { remaining, latest } = this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM records WHERE network_number = @number AND seq > @last) AS remaining,
                (SELECT COALESCE(MAX(seq), 0) FROM records WHERE network_number = @number) AS latest`,
      )
      .get({ number, last }) as { remaining: number; latest: number };
    return { changes, remaining, latestSeq: latest };
  }

  async snapshot(networkId: string): Promise<RawChange[]> {
    return this.db
      .prepare('SELECT type, id, seq, data, clocks FROM records WHERE network_number = ? ORDER BY id')
      .all(this.networkNumber(networkId)) as RawChange[];
  }

  async readMeta(): Promise<Partial<Record<MetaKey, string>>> {
    const rows = this.db.prepare('SELECT key, value FROM server_meta').all() as { key: MetaKey; value: string }[];
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  async writeMeta(entries: readonly [MetaKey, string][]): Promise<void> {
    const upsert = this.db.prepare(
      'INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const [key, value] of entries) upsert.run(key, value);
    })();
  }

  /**
   * For a restore: seqs handed out from now on start RESTORE_SEQ_GAP past every one the store
   * holds or has left a gap for (src/server/ops/epoch.ts).
   */
  leaveSeqGap(): void {
    this.db
      .prepare(
        `INSERT INTO server_meta (key, value)
         SELECT 'seqFloor', MAX(COALESCE((SELECT MAX(seq) FROM records), 0),
                                COALESCE((SELECT CAST(value AS INTEGER) FROM server_meta WHERE key = 'seqFloor'), 0)) + ?
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(RESTORE_SEQ_GAP);
  }

  async countBroughtBack(networkId: string, epoch: string): Promise<number> {
    const row = this.db
      .prepare('SELECT COUNT(*) AS count FROM brought_back WHERE network_id = ? AND epoch = ?')
      .get(networkId, epoch) as { count: number };
    return row.count;
  }

  async sizeBytes(): Promise<number> {
    if (this.path === ':memory:') return 0;
    return [this.path, `${this.path}-wal`].reduce(
      (total, file) => total + (existsSync(file) ? statSync(file).size : 0),
      0,
    );
  }

  async freeBytes(): Promise<number | null> {
    if (this.path === ':memory:') return null;
    // bavail, not bfree: the blocks the file system keeps for root are not this process's.
    const disk = await statfs(dirname(this.path));
    return disk.bavail * disk.bsize;
  }

  async putAttachment(
    networkId: string,
    attachment: StoredAttachment,
    quotaBytes: number,
    uploaderId: string,
  ): Promise<AttachmentPut> {
    const revoked = this.statement(REVOKED_DEVICE);
    const held = this.statement('SELECT 1 FROM attachments WHERE network_id = ? AND sha256 = ?');
    const used = this.statement('SELECT COALESCE(SUM(size), 0) AS bytes FROM attachments WHERE network_id = ?');
    const insert = this.statement(
      'INSERT INTO attachments (network_id, sha256, mime_type, size, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const put = this.db.transaction((): AttachmentPut => {
      if (revoked.get(uploaderId)) return { stored: false, revoked: true };
      if (held.get(networkId, attachment.sha256)) return { stored: true };
      const usedBytes = (used.get(networkId) as { bytes: number }).bytes;
      if (usedBytes + attachment.size > quotaBytes) return { stored: false, usedBytes };
      insert.run(networkId, attachment.sha256, attachment.mimeType, attachment.size, attachment.data);
      return { stored: true };
    });
    return put.immediate();
  }

  async attachmentBytes(networkId: string): Promise<number> {
    const row = this.db
      .prepare('SELECT COALESCE(SUM(size), 0) AS bytes FROM attachments WHERE network_id = ?')
      .get(networkId) as { bytes: number };
    return row.bytes;
  }

  async recordUsage(networkId: string): Promise<RecordUsage> {
    const row = this.statement('SELECT record_count AS count, record_bytes AS bytes FROM networks WHERE id = ?').get(
      networkId,
    ) as RecordUsage | undefined;
    return row ?? { count: 0, bytes: 0 };
  }

  async recordUsageByNetwork(): Promise<NetworkRecordUsage[]> {
    return this.statement(
      'SELECT id AS networkId, record_count AS count, record_bytes AS bytes FROM networks ORDER BY created_at, id',
    ).all() as NetworkRecordUsage[];
  }

  async replaceToken(deviceId: string, tokenHash: string): Promise<boolean> {
    const { changes } = this.db
      .prepare(
        'UPDATE devices SET token_hash = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM devices WHERE token_hash = ? AND id <> ?)',
      )
      .run(tokenHash, deviceId, tokenHash, deviceId);
    return changes === 1;
  }

  async getAttachment(networkId: string, sha256: string): Promise<StoredAttachment | null> {
    const row = this.db
      .prepare('SELECT sha256, mime_type, size, data FROM attachments WHERE network_id = ? AND sha256 = ?')
      .get(networkId, sha256) as Row | undefined;
    if (!row) return null;
    return {
      sha256: row.sha256 as string,
      mimeType: row.mime_type as string,
      size: row.size as number,
      data: row.data as Uint8Array,
    };
  }

  async attachmentSize(networkId: string, sha256: string): Promise<number | null> {
    const row = this.db
      .prepare('SELECT size FROM attachments WHERE network_id = ? AND sha256 = ?')
      .get(networkId, sha256) as { size: number } | undefined;
    return row ? row.size : null;
  }
}
