// The PostgreSQL store, for networks that outgrow one file (DATABASE_URL). Same contract as
// the SQLite store (test/server/store-contract.ts). Pushes of one network are serialised by a
// lock on the network's row, taken first in the push transaction: seqs are then handed out in
// commit order, so a pull cursor can never step over a record committed later with a lower seq.
// A restore replaces the whole database while servers may run on it: pushes and pulls share a
// lock that the restore holds alone (replaceAlone), so each of them runs wholly before it or
// wholly after, on the backup migrated and under its new epoch.
import pg from 'pg';
import { newId } from '../../domain/ids';
import type { Change, OpenInvitationInfo } from '../../protocol/wire';
import { restoreAdvice } from '../cli-args';
import { type MetaKey, networkEpochKey, networkEpochStartKey, RESTORE_SEQ_GAP } from '../ops/epoch';
import { shellWord } from '../ops/shell-word';
import { newSealKey } from '../push/conflict-seal';
import {
  authorNames,
  ownersToRead,
  planPush,
  pushAnswers,
  type RecordRow,
  recordJson,
  type SavedResult,
  withinReadBound,
} from '../push/plan';
import { StartRefused } from '../start-refused';
import { newerSchemaRefusal } from './newer-schema';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from './postgres-schema';
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

type Client = pg.PoolClient;

/** Held by a server while it migrates: two servers starting together must not both migrate. */
export const MIGRATION_LOCK = 7_361_532;
const DATA_LOCK = 7_361_533;

/** A stored record's bytes, data and clocks, in UTF-8 (the database's encoding): what its network's usage counts. */
const STORED_BYTES = 'octet_length(data) + octet_length(clocks)';
/**
 * A push reads the records it names with their data up to this size, and larger ones only as
 * far as its plan goes: a thousand small records read at once stay a few MB.
 */
const SMALL_RECORD_BYTES = 16_384;
/** `column` of a record no larger than the parameter `limit` ($N), else null. */
const ifNoLarger = (column: string, limit: string) =>
  `CASE WHEN ${STORED_BYTES} <= ${limit}::bigint THEN ${column} END`;

/**
 * How a transaction beside restores begins: the shared lock is its first statement, sent with
 * BEGIN. Waiting for it while holding any table lock would deadlock unseen: the restore waits
 * for pg_restore, and pg_restore for the table.
 */
const BEGIN_BESIDE_RESTORES = `BEGIN; SELECT pg_advisory_xact_lock_shared(${DATA_LOCK})`;

/**
 * How long a request waits for a connection (a new one, or one of the pool's) before it fails:
 * a device gives up on a request after 30 s (src/sync/transport.ts), and a database behind a
 * link that drops packets would otherwise hold every request until the system's TCP timeout,
 * minutes, then answer none.
 */
const CONNECT_TIMEOUT_MS = 20_000;

/**
 * How long PostgreSQL runs a request's statement (a push waiting behind a restore, or behind a
 * long queue of pushes to its network) before it cancels it: the request is answered 503, and
 * the connection, still sound, serves the next one. Migrations and restores are not bounded.
 */
const STATEMENT_TIMEOUT_MS = 20_000;

/**
 * How long a request's statement waits for the database's answer before the connection is
 * taken for dead and closed: past the database's own bound, no answer means a link gone silent
 * (a firewall dropping packets), where the statement would otherwise wait for the system's TCP
 * timeout, minutes, and every later statement on that connection behind it.
 */
const ANSWER_TIMEOUT_MS = 25_000;

interface PostgresTimeouts {
  connectMs?: number;
  answerMs?: number;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres';
  private readonly pool: pg.Pool;
  /**
   * Pushes of a network wait for each other on its lock; they get connections of their own so
   * that a queue of pushes never holds every connection while pulls and logins wait.
   */
  private readonly pushPool: pg.Pool;
  /** For migrations and restores, which may run for minutes: their statements are not bounded. */
  private readonly longPool: pg.Pool;
  private readonly connectTimeoutMs: number;

  constructor(
    connectionString: string,
    poolSize = 20,
    { connectMs = CONNECT_TIMEOUT_MS, answerMs = ANSWER_TIMEOUT_MS }: PostgresTimeouts = {},
  ) {
    this.connectTimeoutMs = connectMs;
    const connectionTimeoutMillis = connectMs;
    const bounded = {
      connectionString,
      connectionTimeoutMillis,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: answerMs,
    };
    this.pool = new pg.Pool({ ...bounded, max: poolSize });
    this.pushPool = new pg.Pool({ ...bounded, max: Math.max(2, Math.floor(poolSize / 4)) });
    this.longPool = new pg.Pool({ connectionString, connectionTimeoutMillis, max: 2 });
    // An idle connection dropped by the database must not crash the server; the next query
    // opens a new one (and /api/health reports the database unreachable meanwhile).
    for (const pool of [this.pool, this.pushPool, this.longPool]) pool.on('error', () => {});
  }

  /**
   * A connection of `pool`. pg-pool's own timeouts carry no code: they are given the system's
   * (ETIMEDOUT), so a request is answered 503 store_unreachable and a start says no server
   * answers, as for a database that refuses the connection.
   */
  private async connect(pool: pg.Pool): Promise<Client> {
    const started = performance.now();
    try {
      return await pool.connect();
    } catch (error) {
      const timedOut =
        (error as { code?: unknown }).code === undefined && performance.now() - started >= this.connectTimeoutMs;
      throw timedOut ? Object.assign(error as Error, { code: 'ETIMEDOUT' }) : error;
    }
  }

  /** One statement on a connection of the pool, as `pool.query` runs it, its connection timed (connect). */
  private async query(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
    const client = await this.connect(this.pool);
    client.on('error', ignoreEndedConnection);
    try {
      const result = await client.query(sql, params);
      client.removeListener('error', ignoreEndedConnection);
      client.release();
      return result;
    } catch (error) {
      client.removeListener('error', ignoreEndedConnection);
      // As pool.query does: a connection that failed a statement is closed, not reused.
      client.release(error as Error);
      throw answerTimeoutCoded(error);
    }
  }

  private async transaction<T>(work: (client: Client) => Promise<T>, pool = this.pool, begin = 'BEGIN'): Promise<T> {
    const client = await this.connect(pool);
    // A connection the database ends mid-transaction (a restart, a failover, an admin's
    // pg_terminate_backend) fails the query in progress, then emits 'error' on the client, which
    // the pool hears only on idle ones: unheard, it ended the whole server process.
    client.on('error', ignoreEndedConnection);
    // Why the connection must be closed rather than go back to the pool, if it must.
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A statement left unanswered still holds the connection: a ROLLBACK would wait behind
      // it, as would the next request's statements. Closed, the transaction is rolled back.
      if (isAnswerTimeout(error)) broken = error;
      else
        await client.query('ROLLBACK').catch((failed: Error) => {
          broken = failed;
        });
      throw answerTimeoutCoded(error);
    } finally {
      client.removeListener('error', ignoreEndedConnection);
      client.release(broken);
    }
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.query(sql, params)).rows as Row[];
  }

  async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await refuseUnfinishedRestore(client);
      await migrateIn(client);
    }, this.longPool);
  }

  /**
   * Replaces the whole database as one step for every server running on it. `replace` (a
   * pg_restore, in a session of its own) starts once the pushes and pulls in progress have
   * ended; those that arrive meanwhile wait until what it brought is migrated and `meta` (the
   * new epoch) written, in this transaction. Two replacements run one after the other.
   *
   * `replace` commits on its own: should this process die, or the migration fail, once it has,
   * the backup would stay without its epoch and devices would never send back what it lacks. A
   * mark, committed before `replace` and removed with the epoch, makes every server refuse to
   * start on the database until a restore runs whole (migrate); it is removed at once when
   * `replace` throws NothingReplaced. Anything else thrown once `replace` began comes as
   * ReplaceUnfinished.
   */
  async replaceAlone(replace: () => Promise<void>, meta: readonly [MetaKey, string][], source: string): Promise<void> {
    const mark = newId();
    // A database the servers run on is migrated: its migration lock, which a starting server
    // may hold, is waited for only by a database no server of this release has opened.
    await this.transaction(async (client) => {
      if (!(await hasRestoreMarks(client))) await migrateIn(client);
    }, this.longPool);
    let began = false;
    try {
      await this.transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [DATA_LOCK]);
        // Committed on its own connection: the mark must outlive this transaction if it dies.
        await this.query('INSERT INTO restore_in_progress (id, source, started_at) VALUES ($1, $2, $3)', [
          mark,
          source,
          new Date().toISOString(),
        ]);
        began = true;
        await replace();
        await migrateIn(client);
        // Records written from now on get seqs past every cursor given before (RESTORE_SEQ_GAP).
        const { rows } = await client.query<{ floor: string }>(
          `SELECT setval('record_seq', GREATEST((SELECT last_value FROM record_seq),
                                                (SELECT COALESCE(MAX(seq), 0) FROM records)) + $1) AS floor`,
          [RESTORE_SEQ_GAP],
        );
        await client.query(...writeMetaStatement([...meta, ['seqFloor', String(rows[0]?.floor)]]));
        // Restores run one at a time: the other marks are of restores cut short, which this one completes.
        await client.query('DELETE FROM restore_in_progress');
      }, this.longPool);
    } catch (error) {
      if (began && !(error instanceof NothingReplaced)) throw new ReplaceUnfinished(error);
      if (began) await this.query('DELETE FROM restore_in_progress WHERE id = $1', [mark]).catch(() => undefined);
      throw error;
    }
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.rows('SELECT 1 AS ok'))[0]?.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.pushPool.end(), this.longPool.end()]);
  }

  async createNetwork(name: string): Promise<Network> {
    const network = { id: newId(), name, createdAt: new Date().toISOString() };
    await this.query('INSERT INTO networks (id, name, created_at, seal_key) VALUES ($1, $2, $3, $4)', [
      network.id,
      name,
      network.createdAt,
      newSealKey(),
    ]);
    return network;
  }

  async getNetwork(id: string): Promise<Network | null> {
    const [row] = await this.rows('SELECT * FROM networks WHERE id = $1', [id]);
    return row ? toNetwork(row) : null;
  }

  async renameNetwork(id: string, name: string, { askedBy }: { askedBy?: string } = {}): Promise<Network | null> {
    return this.transaction(async (client) => {
      // As createInvitation: a revocation of the asking device commits wholly before or after.
      if (askedBy !== undefined) await lockDevices(client, id);
      const [row] = (
        await client.query(
          `UPDATE networks SET name = $2 WHERE id = $1 AND ($3::text IS NULL OR EXISTS
             (SELECT 1 FROM devices WHERE id = $3::text AND network_id = networks.id AND revoked_at IS NULL)) RETURNING *`,
          [id, name, askedBy ?? null],
        )
      ).rows as Row[];
      return row ? toNetwork(row) : null;
    });
  }

  async listNetworks(): Promise<Network[]> {
    return (await this.rows('SELECT * FROM networks ORDER BY created_at, id')).map(toNetwork);
  }

  async createInvitation(invitation: Invitation): Promise<boolean> {
    return this.transaction(async (client) => {
      // The revocations' lock: under READ COMMITTED the insert below would not see, nor wait
      // for, a revocation of its creator committing meanwhile (whose sweep of the open
      // invitations would miss this one). Held, the next statement reads what it committed.
      if (invitation.createdBy !== null) await lockDevices(client, invitation.networkId);
      const created = await client.query(
        `INSERT INTO invitations (id, code_hash, network_id, role, created_at, created_by, expires_at, used_at, attempts, for_member)
         SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::int, $10::text
         WHERE $6::text IS NULL OR EXISTS (SELECT 1 FROM devices WHERE id = $6::text AND network_id = $3 AND revoked_at IS NULL)`,
        [
          invitation.id,
          invitation.codeHash,
          invitation.networkId,
          invitation.role,
          invitation.createdAt,
          invitation.createdBy,
          invitation.expiresAt,
          invitation.usedAt,
          invitation.attempts,
          invitation.forMember,
        ],
      );
      return created.rowCount === 1;
    });
  }

  async findInvitation(codeHash: string): Promise<Invitation | null> {
    const [row] = await this.rows('UPDATE invitations SET attempts = attempts + 1 WHERE code_hash = $1 RETURNING *', [
      codeHash,
    ]);
    return row ? toInvitation(row) : null;
  }

  async redeemInvitation(codeHash: string, device: Device, tokenHash: string): Promise<boolean> {
    return this.transaction(async (client) => {
      const used = await client.query(
        'UPDATE invitations SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL AND expires_at > $1',
        [device.createdAt, codeHash],
      );
      if (used.rowCount !== 1) return false;
      await client.query(
        `INSERT INTO devices (id, network_id, name, member_id, member_name, role, clock_node, token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          device.id,
          device.networkId,
          device.name,
          device.memberId,
          device.memberName,
          device.role,
          device.clockNode,
          tokenHash,
          device.createdAt,
        ],
      );
      return true;
    });
  }

  async listOpenInvitations(networkId: string, at: string): Promise<OpenInvitationInfo[]> {
    return (await this.rows(openInvitationsSql('$1', '$2'), [networkId, at])).map(toOpenInvitation);
  }

  async endInvitation(networkId: string, key: InvitationKey, at: string): Promise<boolean> {
    const [column, value] = 'id' in key ? ['id', key.id] : ['code_hash', key.codeHash];
    const ended = await this.query(
      `UPDATE invitations SET expires_at = $1 WHERE ${column} = $2 AND network_id = $3 AND used_at IS NULL AND expires_at > $1`,
      [at, value, networkId],
    );
    return ended.rowCount === 1;
  }

  async findDeviceByTokenHash(tokenHash: string): Promise<Device | null> {
    const [row] = await this.rows('SELECT * FROM devices WHERE token_hash = $1', [tokenHash]);
    return row ? toDevice(row) : null;
  }

  async touchDevice(id: string, at: string): Promise<void> {
    await this.query('UPDATE devices SET last_seen_at = $1 WHERE id = $2', [at, id]);
  }

  async listDevices(networkId: string): Promise<Device[]> {
    return (await this.rows('SELECT * FROM devices WHERE network_id = $1 ORDER BY created_at, id', [networkId])).map(
      toDevice,
    );
  }

  async revokeDevice(
    networkId: string,
    deviceId: string,
    at: string,
    { askedBy }: { askedBy?: string } = {},
  ): Promise<Revocation> {
    return this.transaction(async (client): Promise<Revocation> => {
      // Two admins revoking each other at once would each count the other still active; an
      // admin revoked from the command line meanwhile would not be seen still active either.
      await lockDevices(client, networkId);
      if (askedBy !== undefined) {
        const [found] = (
          await client.query(
            `SELECT
               EXISTS (SELECT 1 FROM devices WHERE id = $3 AND network_id = $2 AND revoked_at IS NULL) AS asker_active,
               (SELECT role FROM devices WHERE id = $1 AND network_id = $2 AND revoked_at IS NULL) AS role,
               (SELECT count(*)::int FROM devices WHERE network_id = $2 AND id != $1 AND role = 'admin'
                 AND revoked_at IS NULL) AS others`,
            [deviceId, networkId, askedBy],
          )
        ).rows as { asker_active: boolean; role: string | null; others: number }[];
        if (!found?.asker_active) return 'asker_revoked';
        if (found.role === 'admin' && found.others === 0) return 'last_admin';
      }
      const [revoked] = (
        await client.query(
          'UPDATE devices SET revoked_at = $1 WHERE id = $2 AND network_id = $3 AND revoked_at IS NULL RETURNING role',
          [at, deviceId, networkId],
        )
      ).rows as { role: string }[];
      if (!revoked) return 'not_found';
      if (revoked.role === 'admin')
        await client.query(
          'UPDATE invitations SET expires_at = $1 WHERE network_id = $2 AND used_at IS NULL AND expires_at > $1',
          [at, networkId],
        );
      return 'revoked';
    });
  }

  async push(input: PushInput): Promise<PushOutput> {
    return this.transaction((client) => this.pushIn(client, input), this.pushPool, BEGIN_BESIDE_RESTORES);
  }

  /**
   * Four statements while the network is locked (lock, read, write, the refused records'
   * state): pushes of one network queue on the lock, so its hold time is the push throughput.
   */
  private async pushIn(client: Client, { context, mutations, recordQuotaBytes }: PushInput): Promise<PushOutput> {
    const { networkId } = context;
    // The network's usage is read under its lock: no other push can change it before this one commits.
    const locked = await client.query('SELECT seal_key, record_bytes FROM networks WHERE id = $1 FOR NO KEY UPDATE', [
      networkId,
    ]);
    if (locked.rowCount !== 1) throw new Error(`push to an unknown network ${networkId}`);
    const { seal_key: sealKey, record_bytes: usedBytes } = locked.rows[0] as { seal_key: string; record_bytes: string };

    // A separate statement from the lock: it reads what the previous holder committed.
    // The pusher's row is read FOR SHARE, which revokeDevice's UPDATE waits for: a revocation
    // under way is waited for and seen (a locking read takes the row's latest version), and one
    // asked later waits for this push's commit. A plain read saw the row as it was, and a push
    // overlapping a revocation still wrote after the admin was told « révoqué ». Not
    // revokeDevice's own lock: pushes would queue behind invitations and renames too. Its
    // revoked_at is read as a column, not filtered in a WHERE, which PostgreSQL may push into
    // the sub-select: filtered so, the row was judged as the statement's snapshot had it,
    // nothing was locked and the push did not wait (seen in the test).
    const found = await client.query(
      `SELECT 'record' AS kind, id, network_id AS a, type AS b, ${ifNoLarger('data', '$5')} AS c, ${ifNoLarger('clocks', '$5')} AS d, ${STORED_BYTES} AS e
         FROM records WHERE network_id = $1 AND id = ANY($2)
       UNION ALL SELECT 'mutation', id, status, reason, code, NULL, NULL FROM mutations WHERE network_id = $1 AND id = ANY($3)
       UNION ALL SELECT 'author', clock_node, member_name, NULL, NULL, NULL, NULL FROM devices WHERE network_id = $1
       UNION ALL SELECT 'pusher', id, CASE WHEN revoked_at IS NOT NULL THEN 'revoked' END, NULL, NULL, NULL, NULL
         FROM (SELECT id, revoked_at FROM devices WHERE id = $4 AND network_id = $1 FOR SHARE) AS pusher`,
      [
        networkId,
        [...new Set(mutations.map((mutation) => mutation.recordId))],
        [...new Set(mutations.map((mutation) => mutation.id))],
        context.pusher.id,
        SMALL_RECORD_BYTES,
      ],
    );
    if ((found.rows as Row[]).some((row) => row.kind === 'pusher' && row.a === 'revoked'))
      return { results: [], clockAheadMs: 0, revoked: true };
    const existing = new Map<string, RecordRow>();
    const storedBytes = new Map<string, number>();
    const prior = new Map<string, SavedResult>();
    const authors: [string, string][] = [];
    // A record's size always, its data when it is small: a large one is read only if the plan
    // goes that far (withinReadBound).
    const keep = (row: Row) => {
      storedBytes.set(row.id as string, row.bytes as number);
      if (row.data !== null) existing.set(row.id as string, toRecordRow(row));
    };
    for (const row of found.rows as Row[]) {
      const id = row.id as string;
      if (row.kind === 'record') keep({ id, network_id: row.a, type: row.b, data: row.c, clocks: row.d, bytes: row.e });
      else if (row.kind === 'mutation') prior.set(id, toSaved({ status: row.a, reason: row.b, code: row.c }));
      else if (row.kind === 'author') authors.push([id, row.a as string]);
    }
    const read = async (ids: readonly string[], upToBytes: number) => {
      if (ids.length === 0) return;
      const rows = await client.query(
        `SELECT id, network_id, type, ${ifNoLarger('data', '$3')} AS data, ${ifNoLarger('clocks', '$3')} AS clocks, ${STORED_BYTES} AS bytes
         FROM records WHERE network_id = $1 AND id = ANY($2)`,
        [networkId, ids, upToBytes],
      );
      for (const row of rows.rows as Row[]) keep(row);
    };
    const large = (ids: readonly string[]) => ids.filter((id) => storedBytes.has(id) && !existing.has(id));
    let planned = withinReadBound(context.role, mutations, existing, storedBytes);
    await read(large([...new Set(planned.map((mutation) => mutation.recordId))]), Number.MAX_SAFE_INTEGER);
    const owners = ownersToRead(context.role, planned, existing);
    if (owners.length > 0) {
      await read(owners, SMALL_RECORD_BYTES);
      planned = withinReadBound(context.role, planned, existing, storedBytes);
      await read(large(ownersToRead(context.role, planned, existing)), Number.MAX_SAFE_INTEGER);
    }
    const plan = planPush({ ...context, authorOf: authorNames(authors), sealKey }, planned, existing, prior);
    const json = plan.writes.map(recordJson);
    const clocks = plan.writes.map((row) => JSON.stringify(row.clocks));
    const usage = usageChange(plan.writes, json, clocks, storedBytes);
    if (!fitsRecordQuota(Number(usedBytes), usage.bytes, recordQuotaBytes))
      return { results: [], clockAheadMs: 0, full: { usedBytes: Number(usedBytes) } };

    if (plan.broughtBack.length > 0) {
      await client.query(
        // The epoch the network's devices are told (readEpoch in src/server/ops/epoch.ts).
        // When it began: the later of its two parts. A value written since was not lost by it.
        `INSERT INTO brought_back (network_id, epoch, record_id)
         SELECT $1, server.value || COALESCE('.' || own.value, ''), back.record_id
         FROM server_meta AS server CROSS JOIN unnest($2::text[], $3::text[]) AS back(record_id, written_at)
         LEFT JOIN server_meta AS own ON own.key = $4
         LEFT JOIN server_meta AS started ON started.key = 'epochStartedAt'
         LEFT JOIN server_meta AS own_started ON own_started.key = $5
         WHERE server.key = 'epoch'
           AND back.written_at < GREATEST(COALESCE(started.value, ''), COALESCE(own_started.value, ''))
         ON CONFLICT DO NOTHING`,
        [
          networkId,
          plan.broughtBack.map((back) => back.recordId),
          plan.broughtBack.map((back) => back.writtenAt),
          networkEpochKey(networkId),
          networkEpochStartKey(networkId),
        ],
      );
    }
    const fresh = plan.results.filter((entry) => !entry.replay);
    const saved = fresh.map((entry) => savedColumns(entry.result));
    if (plan.writes.length > 0 || fresh.length > 0) {
      // The writes in one statement: the records and the network's usage (a data-modifying WITH
      // always runs; the network's row is left alone when nothing changed), and the log.
      await client.query(
        `WITH counted AS (
           UPDATE networks SET record_count = record_count + $11, record_bytes = record_bytes + $12
           WHERE id = $6 AND ($11::bigint <> 0 OR $12::bigint <> 0)
         ), written AS (
           INSERT INTO records (id, network_id, type, seq, data, clocks)
           SELECT w.id, w.network_id, w.type, nextval('record_seq'), w.data, w.clocks
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
             AS w(id, network_id, type, data, clocks, n)
           ORDER BY w.n
           ON CONFLICT (network_id, id) DO UPDATE SET seq = excluded.seq, data = excluded.data, clocks = excluded.clocks
         )
         INSERT INTO mutations (network_id, id, status, reason, code)
         SELECT $6, * FROM unnest($7::text[], $8::text[], $9::text[], $10::text[])`,
        [
          plan.writes.map((row) => row.id),
          plan.writes.map((row) => row.networkId),
          plan.writes.map((row) => row.type),
          json,
          clocks,
          networkId,
          fresh.map((entry) => entry.id),
          ...[0, 1, 2].map((column) => saved.map((columns) => columns[column])),
          usage.count,
          usage.bytes,
        ],
      );
    }

    const refusedIds = plan.results
      .filter((entry) => entry.result.status === 'rejected')
      .map((entry) => entry.recordId);
    const current = new Map<string, Change>();
    if (refusedIds.length > 0) {
      const rows = await client.query(
        'SELECT type, id, seq, data, clocks FROM records WHERE network_id = $1 AND id = ANY($2)',
        [networkId, refusedIds],
      );
      for (const row of rows.rows as Row[]) current.set(row.id as string, toChange(row));
    }
    const results = pushAnswers(plan, (recordId) => current.get(recordId) ?? null);
    return { results, clockAheadMs: plan.clockAheadMs };
  }

  async pull(networkId: string, since: number, limit: number, maxChars = MAX_PULL_PAGE_CHARS): Promise<PullPage> {
    return this.transaction(
      (client) => pullIn(client, networkId, since, limit, maxChars),
      this.pool,
      BEGIN_BESIDE_RESTORES,
    );
  }

  async snapshot(networkId: string): Promise<RawChange[]> {
    return (
      await this.rows('SELECT type, id, seq, data, clocks FROM records WHERE network_id = $1 ORDER BY id', [networkId])
    ).map(toRawChange);
  }

  async readMeta(): Promise<Partial<Record<MetaKey, string>>> {
    const rows = await this.rows('SELECT key, value FROM server_meta');
    return Object.fromEntries(rows.map((row) => [row.key as MetaKey, row.value as string]));
  }

  async writeMeta(entries: readonly [MetaKey, string][]): Promise<void> {
    await this.query(...writeMetaStatement(entries));
  }

  async freeBytes(): Promise<null> {
    // The database's disk is the database server's: a full one shows as a refused write.
    return null;
  }

  async countBroughtBack(networkId: string, epoch: string): Promise<number> {
    const [row] = await this.rows('SELECT COUNT(*) AS count FROM brought_back WHERE network_id = $1 AND epoch = $2', [
      networkId,
      epoch,
    ]);
    return Number(row?.count ?? 0);
  }

  async sizeBytes(): Promise<number> {
    const [row] = await this.rows('SELECT pg_database_size(current_database()) AS size');
    return Number(row?.size ?? 0);
  }

  async putAttachment(
    networkId: string,
    attachment: StoredAttachment,
    quotaBytes: number,
    uploaderId: string,
  ): Promise<AttachmentPut> {
    return this.transaction(
      async (client): Promise<AttachmentPut> => {
        // Uploads to one network wait for each other (not for its pushes): each sees the bytes
        // the one before it stored.
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`attachments:${networkId}`]);
        // The uploader's row read FOR SHARE, as a push reads its pusher's (pushIn says why):
        // a revocation under way is waited for and seen, one asked later waits for this upload.
        // Its revoked_at read as a column: filtered in the WHERE, the row was judged as the
        // statement's snapshot had it and a revocation under way was neither waited for nor seen.
        const uploader = await client.query(
          'SELECT revoked_at FROM devices WHERE id = $1 AND network_id = $2 FOR SHARE',
          [uploaderId, networkId],
        );
        if (uploader.rows[0]?.revoked_at) return { stored: false, revoked: true };
        const held = await client.query('SELECT 1 FROM attachments WHERE network_id = $1 AND sha256 = $2', [
          networkId,
          attachment.sha256,
        ]);
        if (held.rowCount) return { stored: true };
        const used = await client.query(
          'SELECT COALESCE(SUM(size), 0) AS bytes FROM attachments WHERE network_id = $1',
          [networkId],
        );
        const usedBytes = Number(used.rows[0]?.bytes ?? 0);
        if (usedBytes + attachment.size > quotaBytes) return { stored: false, usedBytes };
        await client.query(
          `INSERT INTO attachments (network_id, sha256, mime_type, size, data) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING`,
          [networkId, attachment.sha256, attachment.mimeType, attachment.size, Buffer.from(attachment.data)],
        );
        return { stored: true };
      },
      this.pool,
      BEGIN_BESIDE_RESTORES,
    );
  }

  async attachmentBytes(networkId: string): Promise<number> {
    const [row] = await this.rows('SELECT COALESCE(SUM(size), 0) AS bytes FROM attachments WHERE network_id = $1', [
      networkId,
    ]);
    return Number(row?.bytes ?? 0);
  }

  async recordUsage(networkId: string): Promise<RecordUsage> {
    const [row] = await this.rows('SELECT record_count AS count, record_bytes AS bytes FROM networks WHERE id = $1', [
      networkId,
    ]);
    return { count: Number(row?.count ?? 0), bytes: Number(row?.bytes ?? 0) };
  }

  async recordUsageByNetwork(): Promise<NetworkRecordUsage[]> {
    const rows = await this.rows(
      'SELECT id, record_count AS count, record_bytes AS bytes FROM networks ORDER BY created_at, id',
    );
    return rows.map((row) => ({ networkId: row.id as string, count: Number(row.count), bytes: Number(row.bytes) }));
  }

  async replaceToken(deviceId: string, tokenHash: string): Promise<boolean> {
    try {
      const result = await this.query(
        'UPDATE devices SET token_hash = $1 WHERE id = $2 AND NOT EXISTS (SELECT 1 FROM devices WHERE token_hash = $1 AND id <> $2)',
        [tokenHash, deviceId],
      );
      return result.rowCount === 1;
    } catch (error) {
      // Two devices setting the same hash at once both pass the check under READ COMMITTED;
      // the unique index refuses the second, which is the same answer as the check's.
      if ((error as { code?: string }).code === '23505') return false;
      throw error;
    }
  }

  async getAttachment(networkId: string, sha256: string): Promise<StoredAttachment | null> {
    const [row] = await this.rows(
      'SELECT sha256, mime_type, size, data FROM attachments WHERE network_id = $1 AND sha256 = $2',
      [networkId, sha256],
    );
    if (!row) return null;
    return {
      sha256: row.sha256 as string,
      mimeType: row.mime_type as string,
      size: Number(row.size),
      data: new Uint8Array(row.data as Buffer),
    };
  }

  async attachmentSize(networkId: string, sha256: string): Promise<number | null> {
    const [row] = await this.rows('SELECT size FROM attachments WHERE network_id = $1 AND sha256 = $2', [
      networkId,
      sha256,
    ]);
    return row ? Number(row.size) : null;
  }
}

/** The query in progress fails with the same error; the pool drops the client once released. */
function ignoreEndedConnection(): void {}

/** pg's failure of a statement not answered within `query_timeout` (it carries no code). */
function isAnswerTimeout(error: unknown): error is Error {
  return error instanceof Error && error.message === 'Query read timeout' && !('code' in error);
}

/** `error`, given the system's code (ETIMEDOUT) when it is an unanswered statement's, as connect does. */
function answerTimeoutCoded(error: unknown): unknown {
  return isAnswerTimeout(error) ? Object.assign(error, { code: 'ETIMEDOUT' }) : error;
}

/** The network's devices lock: revocations, and invitations made by a device, wait on each other. */
async function lockDevices(client: Client, networkId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`devices:${networkId}`]);
}

/** Thrown by a replacement that changed nothing (its own transaction rolled back). */
export class NothingReplaced extends Error {}

/** A replacement that may have committed, its epoch not written: `cause` says what stopped it. */
export class ReplaceUnfinished extends Error {
  constructor(cause: unknown) {
    super((cause as Error).message, { cause });
  }
}

/** Whether the table of restores' marks exists (a migration of this release made it). */
async function hasRestoreMarks(client: Client): Promise<boolean> {
  const { rows } = await client.query("SELECT to_regclass('restore_in_progress') IS NOT NULL AS present");
  return rows[0]?.present === true;
}

/** A server must not serve, nor a command change, a database a restore left half done. */
async function refuseUnfinishedRestore(client: Client): Promise<void> {
  if (!(await hasRestoreMarks(client))) return;
  const [restore] = (await client.query('SELECT source, started_at FROM restore_in_progress ORDER BY started_at'))
    .rows as { source: string; started_at: string }[];
  if (restore)
    throw new StartRefused(
      `a restore from ${restore.source}, started ${restore.started_at}, has not finished: it is running, or ` +
        'was cut short and the database may hold the backup without its new epoch (devices would not send back ' +
        `what it lacks). Let it end, or run it again: ${restoreAdvice(shellWord(restore.source))}`,
    );
}

async function migrateIn(client: Client): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const found = await client.query('SELECT version FROM schema_version');
  const version = found.rows[0] ? Number(found.rows[0].version) : 0;
  if (version > POSTGRES_MIGRATIONS.length)
    throw newerSchemaRefusal('the PostgreSQL database of DATABASE_URL', version, POSTGRES_MIGRATIONS.length);
  if (!found.rows[0]) await client.query('INSERT INTO schema_version (version) VALUES (0)');
  for (let index = version; index < POSTGRES_MIGRATIONS.length; index++) {
    const migration = POSTGRES_MIGRATIONS[index] as PostgresMigration;
    if (typeof migration === 'string') await client.query(migration);
    else await migration(client, Date.now());
    await client.query('UPDATE schema_version SET version = $1', [index + 1]);
  }
}

function writeMetaStatement(entries: readonly [MetaKey, string][]): [string, unknown[]] {
  return [
    `INSERT INTO server_meta (key, value) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [entries.map(([key]) => key), entries.map(([, value]) => value)],
  ];
}

async function pullIn(
  client: Client,
  networkId: string,
  since: number,
  limit: number,
  maxChars: number,
): Promise<PullPage> {
  // The inner window counts every row after the cursor before LIMIT cuts the page; the outer
  // one keeps the rows that start before the page's characters run out.
  const { rows } = await client.query(
    `SELECT type, id, seq, data, clocks, total FROM (
       SELECT page.*, SUM(length(data) + length(clocks)) OVER (ORDER BY seq) - length(data) - length(clocks) AS before
       FROM (SELECT type, id, seq, data, clocks, COUNT(*) OVER () AS total
             FROM records WHERE network_id = $1 AND seq > $2 ORDER BY seq LIMIT $3) page
     ) sized WHERE before < $4 ORDER BY seq`,
    [networkId, since, limit, maxChars],
  );
  const changes = (rows as Row[]).map(toRawChange);
  const {
    rows: [latest],
  } = await client.query('SELECT COALESCE(MAX(seq), 0) AS seq FROM records WHERE network_id = $1', [networkId]);
  return {
    changes,
    remaining: rows.length === 0 ? 0 : Number(rows[0]?.total) - rows.length,
    latestSeq: Number(latest?.seq ?? 0),
  };
}

function toRawChange(row: Row): RawChange {
  return {
    type: row.type as string,
    id: row.id as string,
    seq: Number(row.seq),
    data: row.data as string,
    clocks: row.clocks as string,
  };
}
