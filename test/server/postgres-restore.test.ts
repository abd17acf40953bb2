// A restore on PostgreSQL while servers keep running on the database: each push and pull runs
// wholly before it (and the backup then replaces what it wrote: its device gives it back at the
// new epoch) or wholly after it, on the backup under the new epoch; two restores run one after
// the other; a dump made by a newer release is refused; a restore cut short leaves the database
// as it was, or servers that refuse to start until it runs again; a connection the database cuts
// fails its push only. The races are made by holding locks the push or the restore needs, and
// the cuts by ending the session that waits, never by time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { HybridClock } from '../../src/protocol/hlc';
import type { Mutation } from '../../src/protocol/wire';
import { readConfig } from '../../src/server/config';
import { takeBackup } from '../../src/server/ops/backup';
import { restoreBackup } from '../../src/server/ops/restore';
import { verifyBackup } from '../../src/server/ops/verify';
import { SERVER_CLOCK_NODE } from '../../src/server/push/plan';
import { MIGRATION_LOCK, PostgresStore } from '../../src/server/store/postgres';
import { POSTGRES_MIGRATIONS } from '../../src/server/store/postgres-schema';
import type { Network } from '../../src/server/store/store';
import { notesEdit, PUSHER, visitCreation } from '../helpers/mutations';
import { postgresBinDir } from '../helpers/postgres-cluster';
import { describeOnPostgres } from '../helpers/postgres-suite';
import { waitFor } from '../helpers/wait-for';

const NOW = Date.parse('2026-12-05T10:00:00.000Z');

describeOnPostgres('a restore on PostgreSQL beside running servers', (cluster) => {
  const path = process.env.PATH;
  let url: string;
  let dir: string;
  let server: PostgresStore;
  let network: Network;
  /** The test's own sessions: one holds a lock the race needs, one watches who waits. */
  let holder: pg.Client;
  let observer: pg.Client;
  let backups = 0;

  beforeAll(() => {
    // pg_dump and pg_restore of the cluster's own version.
    process.env.PATH = `${postgresBinDir()}${delimiter}${path}`;
  });
  afterAll(() => {
    process.env.PATH = path;
  });
  beforeEach(async () => {
    url = await cluster().createDatabase();
    dir = mkdtempSync(join(tmpdir(), 'valise-pg-restore-'));
    server = new PostgresStore(url, 4);
    await server.migrate();
    network = await server.createNetwork('Réseau');
    holder = new pg.Client({ connectionString: url });
    observer = new pg.Client({ connectionString: url });
    await Promise.all([holder.connect(), observer.connect()]);
  });
  afterEach(async () => {
    await Promise.all([holder.end(), observer.end(), server.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const push = (...mutations: Mutation[]) =>
    server.push({
      context: {
        networkId: network.id,
        role: 'admin',
        clock: new HybridClock(SERVER_CLOCK_NODE, () => NOW),
        now: NOW,
        pusher: PUSHER,
      },
      mutations,
    });
  const restore = (file: string) =>
    restoreBackup(file, readConfig({ VALISE_DATA: dir, DATABASE_URL: url }), new Date());
  const backup = async () => {
    // Each in a folder of its own: retention keeps one backup a day.
    backups += 1;
    const { file } = await takeBackup(server, {
      dir: join(dir, `${backups}`),
      keepDaily: 7,
      keepWeekly: 4,
      databaseUrl: url,
      now: new Date(NOW + backups * 1000),
    });
    return file;
  };
  const storedIds = async () => (await server.snapshot(network.id)).map((change) => change.id).sort();
  const idsOf = (...mutations: Mutation[]) => mutations.map((mutation) => mutation.recordId).sort();

  /** How many sessions of this database wait for a lock (a row, a table, an advisory lock). */
  async function waiting(): Promise<number> {
    const { rows } = await observer.query(
      `SELECT COUNT(*) AS count FROM pg_stat_activity
       WHERE datname = current_database() AND backend_type = 'client backend' AND wait_event_type = 'Lock'`,
    );
    return Number(rows[0].count);
  }
  /** Sessions waiting for a lock of one kind ('relation', 'advisory', 'transactionid'). */
  async function waitingFor(waitEvent: string): Promise<number> {
    const { rows } = await observer.query(
      `SELECT COUNT(*) AS count FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = $1`,
      [waitEvent],
    );
    return Number(rows[0].count);
  }
  const untilWaiting = (count: number, what: string) =>
    waitFor(what, async () => (await waiting()) === count, { timeout: 20_000 });

  /** A push stopped in progress: it waits for the network's row, which the holder locks. */
  async function pushStoppedInProgress(mutation: Mutation) {
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM networks WHERE id = $1 FOR UPDATE', [network.id]);
    const pushing = push(mutation);
    await untilWaiting(1, 'the push waits for the network');
    // Wrapped: an async function's promise would wait for the push itself.
    return { pushing };
  }

  it('takes back a conflict made after the backup under the seal of its network, kept in the dump, and no changed copy', async () => {
    const visit = visitCreation(NOW);
    await push(visit);
    const file = await backup();
    await push(notesEdit(NOW + 1000, visit.recordId, 'Plus tard'));
    const concurrent = {
      ...notesEdit(NOW + 500, visit.recordId, 'Écrit en même temps'),
      base: { notes: visit.clocks.notes as string },
    };
    await push(concurrent);
    const made = (await server.snapshot(network.id)).find((change) => change.type === 'conflicts');
    if (!made) throw new Error('the older text is kept as a conflict');
    const data = JSON.parse(made.data) as Record<string, unknown>;
    const clock = JSON.parse(made.clocks)['*'] as string;
    await restore(file);
    expect(await storedIds()).toEqual(idsOf(visit));

    // Given back as a device gives it: whole, resent, each field with its clock.
    const givenBack = (fields: Record<string, unknown>): Mutation => ({
      id: newId(),
      type: 'conflicts',
      recordId: made.id,
      fields,
      clocks: Object.fromEntries(Object.keys(fields).map((key) => [key, clock])),
      resent: true,
    });
    const altered = await push(givenBack({ ...data, value: 'Texte forgé' }));
    expect(altered.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect((await push(givenBack(data))).results[0]?.status).toBe('applied');
    const back = (await server.snapshot(network.id)).find((change) => change.id === made.id);
    expect(JSON.parse(back?.data ?? '{}')).toMatchObject({ ...data, updatedBy: PUSHER.memberName });
  });

  it('waits for the push in progress, holds back the pushes and pulls that arrive, and leaves the backup plus whole later pushes', async () => {
    const [a, b] = [visitCreation(NOW), visitCreation(NOW)];
    await push(a, b);
    const file = await backup();
    await push(visitCreation(NOW));

    const inProgress = visitCreation(NOW);
    const { pushing } = await pushStoppedInProgress(inProgress);
    const restoring = restore(file);
    await untilWaiting(2, 'the restore waits for the push in progress');
    const arriving = visitCreation(NOW);
    const later = push(arriving);
    const pulled = server.pull(network.id, 0, 100);
    await untilWaiting(4, 'the push and the pull that arrived wait for the restore');
    await holder.query('COMMIT');

    // Acknowledged, then replaced by the backup: its device sends it back when it sees the new epoch.
    expect((await pushing).results).toEqual([{ id: inProgress.id, status: 'applied' }]);
    const { epoch } = await restoring;
    expect((await later).results).toEqual([{ id: arriving.id, status: 'applied' }]);
    // The pull ran on the backup, beside the push that arrived with it (before or after it, whole).
    const page = await pulled;
    const pulledIds = page.changes.map((change) => change.id);
    expect(pulledIds.filter((id) => id !== arriving.recordId).sort()).toEqual(idsOf(a, b));
    expect(await storedIds()).toEqual(idsOf(a, b, arriving));
    expect(await server.readMeta()).toMatchObject({ epoch, epochReason: `restored from ${file}` });
  });

  it('never shows a pull the backup under the epoch it replaced, even while a starting server migrates', async () => {
    const [a, b] = [visitCreation(NOW), visitCreation(NOW)];
    await push(a, b);
    const file = await backup();
    await push(visitCreation(NOW), visitCreation(NOW));
    const before = await server.readMeta();

    // A server starting now holds the migration lock: the restore, once pg_restore is done,
    // waits for it to migrate what it brought.
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const restoring = restore(file);
    await untilWaiting(1, 'the restore waits to migrate the backup');
    let answered = false;
    const pulled = (async () => {
      const page = await server.pull(network.id, 0, 100);
      const { epoch } = await server.readMeta();
      answered = true;
      return { ids: page.changes.map((change) => change.id).sort(), epoch };
    })();
    await waitFor('the pull waits for the restore, or has answered', async () => answered || (await waiting()) === 2, {
      timeout: 60_000,
    });
    await holder.query('COMMIT');

    const { epoch } = await restoring;
    expect(epoch).not.toBe(before.epoch);
    expect(await pulled).toEqual({ ids: idsOf(a, b), epoch });
  });

  it('runs two restores one after the other: the store is one backup whole, under the epoch of the last', async () => {
    const [a, b, c] = [visitCreation(NOW), visitCreation(NOW), visitCreation(NOW)];
    await push(a, b);
    const older = await backup();
    await push(c);
    const newer = await backup();
    await push(visitCreation(NOW));

    // Both restores queue behind a push in progress, then go as they can.
    const { pushing } = await pushStoppedInProgress(visitCreation(NOW));
    const restorings = [restore(older), restore(newer)];
    await untilWaiting(3, 'both restores wait for the push in progress');
    await holder.query('COMMIT');
    await pushing;
    const outcomes = await Promise.all(restorings);

    const meta = await server.readMeta();
    const last = outcomes.findIndex((outcome) => outcome.epoch === meta.epoch);
    expect(last).not.toBe(-1);
    expect(meta.epochReason).toBe(`restored from ${[older, newer][last]}`);
    expect(await storedIds()).toEqual(last === 0 ? idsOf(a, b) : idsOf(a, b, c));
  });

  /**
   * Ends the session that waits for the lock named by `waitEvent` ('relation', 'advisory',
   * 'transactionid'), as a crash would — once it waits: a session just woken by a commit may
   * still show the lock it waited for a moment before.
   */
  async function cutSessionWaitingFor(waitEvent: string): Promise<void> {
    await waitFor(`a session waits for a lock (${waitEvent})`, async () => (await waitingFor(waitEvent)) === 1, {
      timeout: 20_000,
    });
    const { rows } = await observer.query(
      `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = $1`,
      [waitEvent],
    );
    expect(rows).toEqual([{ cut: true }]);
  }

  /** pg_restore stopped in its transaction: it waits to drop the records table, which the holder reads. */
  async function pgRestoreStoppedHalfWay(file: string) {
    await holder.query('BEGIN');
    await holder.query('SELECT COUNT(*) FROM records');
    const restoring = restore(file);
    await waitFor('pg_restore waits for the records table', async () => {
      const { rows } = await observer.query(
        `SELECT COUNT(*) AS count FROM pg_stat_activity WHERE datname = current_database()
         AND application_name = 'pg_restore' AND wait_event_type = 'Lock'`,
      );
      return Number(rows[0].count) === 1;
    });
    return {
      restoring: restoring.then(
        () => null,
        (error: Error) => error,
      ),
    };
  }

  const startingServer = async () => {
    const store = new PostgresStore(url, 1);
    try {
      await store.migrate();
      return 'started';
    } catch (error) {
      return (error as Error).message;
    } finally {
      await store.close();
    }
  };

  it('leaves the database as it was when pg_restore fails half-way, says so in one sentence, and the servers start', async () => {
    const [a, b, c] = [visitCreation(NOW), visitCreation(NOW), visitCreation(NOW)];
    await push(a, b);
    const file = await backup();
    await push(c);
    const before = await server.readMeta();

    const { restoring } = await pgRestoreStoppedHalfWay(file);
    await cutSessionWaitingFor('relation');
    await holder.query('COMMIT');

    const failure = await restoring;
    expect(failure?.message).toMatch(
      /^pg_restore failed: .*\. Nothing was changed: the database is as it was before\.$/,
    );
    expect(failure?.message, 'DATABASE_URL is never printed').not.toContain(url);
    expect(await storedIds()).toEqual(idsOf(a, b, c));
    expect(await server.readMeta()).toEqual(before);
    expect(await startingServer()).toBe('started');
  });

  it('makes the servers refuse to start on a restore cut short after pg_restore, until it runs again whole', async () => {
    const [a, b] = [visitCreation(NOW), visitCreation(NOW)];
    await push(a, b);
    const file = await backup();
    await push(visitCreation(NOW));
    const before = await server.readMeta();

    // pg_restore commits; then the restore waits for a starting server's migration, and dies there.
    const { restoring } = await pgRestoreStoppedHalfWay(file);
    const migrating = new pg.Client({ connectionString: url });
    await migrating.connect();
    try {
      await migrating.query('BEGIN');
      await migrating.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await holder.query('COMMIT');
      await cutSessionWaitingFor('advisory');
      const failure = await restoring;
      expect(failure?.message).toMatch(
        /^The restore stopped once pg_restore had begun \(.*\): the database may hold the backup without its new epoch.*Run it again: valise restore .* else npm run valise -- restore /,
      );
      await migrating.query('COMMIT');
    } finally {
      await migrating.end();
    }
    // The backup is there under the epoch devices already hold: served, it would lose their writes.
    expect(await storedIds()).toEqual(idsOf(a, b));
    expect((await server.readMeta()).epoch).toBe(before.epoch);
    expect(await startingServer()).toMatch(
      new RegExp(
        `^a restore from ${file}, started .*, has not finished: .*valise restore ${file} on a server set up by .valise deploy., else npm run valise -- restore ${file}$`,
      ),
    );

    const { epoch } = await restore(file);
    expect(epoch).not.toBe(before.epoch);
    expect(await startingServer()).toBe('started');
    expect(await storedIds()).toEqual(idsOf(a, b));
  });

  it('fails a push whose connection the database cuts (a restart, a failover), and serves the next one', async () => {
    const cut = visitCreation(NOW);
    const { pushing } = await pushStoppedInProgress(cut);
    await cutSessionWaitingFor('transactionid');
    await holder.query('COMMIT');
    // Its device sends it again; the process, which the connection's unheard error ended, lives on.
    await expect(pushing).rejects.toThrow(/terminating connection/);
    const next = visitCreation(NOW);
    expect((await push(next)).results).toEqual([{ id: next.id, status: 'applied' }]);
    expect(await storedIds()).toEqual(idsOf(next));
  });

  it('refuses a dump made by a newer Valise, as it refuses such a SQLite file, and changes nothing', async () => {
    const kept = visitCreation(NOW);
    await push(kept);
    // A newer release's database: its schema goes past this server's migrations.
    const [{ version }] = (await observer.query('SELECT version FROM schema_version')).rows;
    await observer.query('UPDATE schema_version SET version = 999');
    const file = await backup();
    await observer.query('UPDATE schema_version SET version = $1', [version]);
    await push(visitCreation(NOW));
    const before = { ids: await storedIds(), meta: await server.readMeta() };

    expect((await verifyBackup(file)).problems).toEqual([
      `made by a newer Valise (schema 999, this server knows ${POSTGRES_MIGRATIONS.length}): update this server first`,
    ]);
    await expect(restore(file)).rejects.toThrow(/not a usable backup: made by a newer Valise.*Nothing was changed/);
    expect({ ids: await storedIds(), meta: await server.readMeta() }).toEqual(before);
  });
});
