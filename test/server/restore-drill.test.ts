// The restore drill: devices sync; the server is backed up; devices keep writing and syncing;
// the server is stopped and restored from the backup; devices sync again. The server and every
// device must then hold every record with the latest value of every field, and the admin must
// see how many records the devices brought back. On SQLite and on PostgreSQL, restored by the
// command an admin of a VPS types (`valise restore FILE`), which says what to do next.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, setMapEntries, updateRecord } from '../../src/db/writes';
import { main } from '../../src/server/cli';
import { readConfig } from '../../src/server/config';
import { takeBackup } from '../../src/server/ops/backup';
import { joinedPair } from '../helpers/device-pair';
import { postgresBinDir } from '../helpers/postgres-cluster';
import { describeOnPostgres } from '../helpers/postgres-suite';
import type { TestDevice } from '../helpers/test-device';
import { TEST_SERVER_URL, TestServer } from '../helpers/test-server';
import { firstMeetingVisit as visit } from '../helpers/visit-fields';

const ITEM = '01936f5e-7a3b-7c00-8000-00000000a001';

async function syncAll(...devices: TestDevice[]) {
  // Twice round: what one device sends, the others pull on the second turn.
  for (const device of [...devices, ...devices]) {
    await device.sync();
    expect(device.engine.status.state, `${device.name}: ${device.engine.status.error}`).toBe('idle');
  }
}

/**
 * An admin's phone still on 0.1.0 (never updated): its requests carry no version header, it knows
 * no epochs, and it pulls on from the cursor it holds, as 0.1.0's transport does.
 */
async function oldPhone(server: TestServer, networkId: string) {
  const joined = await server.fetch(`${TEST_SERVER_URL}/api/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      code: await server.invite(networkId, 'admin'),
      deviceName: 'Vieux téléphone',
      memberName: 'Dominique',
      clockNode: '0123456789abcdef',
    }),
  });
  const { token } = (await joined.json()) as { token: string };
  let cursor = 0;
  return {
    /** Every change of the pages up to the newest, from where the last pull ended. */
    async pull(): Promise<{ id: string; data: Record<string, unknown> }[]> {
      const changes = [];
      for (;;) {
        const page = await server.fetch(`${TEST_SERVER_URL}/api/sync/pull?since=${cursor}&limit=2000`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const body = await page.json();
        changes.push(...body.changes);
        cursor = body.cursor;
        if (!body.hasMore) return changes;
      }
    },
  };
}

async function drill(databaseUrlOf: (server: TestServer) => string | null) {
  const pair = await joinedPair(['Alix', 'Bastien'], 'admin');
  const { server, a, b } = pair;
  const backups = mkdtempSync(join(tmpdir(), 'valise-drill-'));
  try {
    const config = () => readConfig({ VALISE_DATA: server.dir, DATABASE_URL: databaseUrlOf(server) ?? undefined });
    const kept = await createRecord(a.context, 'visits', visit('Avant la sauvegarde'));
    const edited = await createRecord(a.context, 'visits', visit('Version de la sauvegarde'));
    const lieu = await createRecord(b.context, 'organisations', { name: 'La Fabrique', kind: 'tiers_lieu', notes: '' });
    const list = await createRecord(a.context, 'packingLists', {
      title: 'Tournée',
      tripKind: 'field_visit',
      isTemplate: false,
      itemIds: [ITEM],
    });
    await syncAll(a, b);
    const old = await oldPhone(server, pair.networkId);
    await old.pull();

    const { file } = await takeBackup(server.store, {
      dir: backups,
      keepDaily: 7,
      keepWeekly: 4,
      databaseUrl: config().databaseUrl,
      now: new Date(),
    });

    // After the backup: a new record, edits on both devices, a map entry — all synced.
    const created = await createRecord(b.context, 'visits', visit('Créée après la sauvegarde'));
    await updateRecord(a.context, 'visits', edited.id, { notes: 'Modifiée après la sauvegarde' });
    await updateRecord(a.context, 'organisations', lieu.id, { name: 'La Fabrique du Pays' });
    await setMapEntries(b.context, 'packingLists', list.id, 'packed', { [ITEM]: true });
    await syncAll(a, b);
    await old.pull();
    // And one more visit written when the server is already down.
    const offline = await createRecord(a.context, 'visits', visit('Écrite pendant la panne'));

    const said: string[] = [];
    const io = { out: (line: string) => said.push(line), err: (line: string) => said.push(line), command: 'valise' };
    await server.whileStopped(async () => {
      expect(await main(['restore', file], config(), io), said.join('\n')).toBe(0);
    });
    // SQLite's restore ran with the server stopped; PostgreSQL's servers may have run on through it.
    expect(said.slice(-2)).toEqual([
      expect.stringMatching(
        config().databaseUrl
          ? /^The servers on this database serve the backup now \(start any that is stopped\): each device sends back/
          : /^Start the server \(systemctl start valise\): each device sends back/,
      ),
      'See how many records came back with: valise recovery',
    ]);
    // The old phone pulls first, with a cursor past the backup's newest record: not a claim that
    // the store went back in time (its epoch is new already), which would start another one.
    expect(await old.pull()).toEqual([]);
    // The restored server has lost what came after the backup.
    const restored = new Map((await server.snapshot(pair.networkId)).map((row) => [row.id, JSON.parse(row.data)]));
    expect(restored.has(created.id)).toBe(false);
    expect(restored.get(edited.id)?.notes).toBe('Version de la sauvegarde');

    await syncAll(a, b);
    // From that cursor it gets what was written since the restore, and none of the backup's older
    // versions of what it holds.
    const sinceRestore = new Map((await old.pull()).map((change) => [change.id, change.data]));
    expect(sinceRestore.get(offline.id)?.notes).toBe('Écrite pendant la panne');
    expect(sinceRestore.get(edited.id)?.notes).toBe('Modifiée après la sauvegarde');
    expect(sinceRestore.has(kept.id)).toBe(false);

    // Values and field clocks, as the devices store them.
    const onServer = (await server.snapshot(pair.networkId)).map((row) => ({
      ...JSON.parse(row.data),
      hlc: JSON.parse(row.clocks),
    }));
    const byId = new Map(onServer.map((record) => [record.id, record]));
    expect(byId.get(kept.id)?.notes).toBe('Avant la sauvegarde');
    expect(byId.get(created.id)?.notes).toBe('Créée après la sauvegarde');
    expect(byId.get(edited.id)?.notes).toBe('Modifiée après la sauvegarde');
    expect(byId.get(lieu.id)?.name).toBe('La Fabrique du Pays');
    expect(byId.get(list.id)?.packed).toEqual({ [ITEM]: true });
    expect(byId.get(offline.id)?.notes).toBe('Écrite pendant la panne');
    const serverRecords = onServer.sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(await a.records()).toEqual(serverRecords);
    expect(await b.records()).toEqual(serverRecords);
    expect(await a.outboxSize()).toBe(0);
    expect(await b.outboxSize()).toBe(0);

    // The admin sees the four records the devices gave back (the offline one was never lost).
    const response = await server.fetch(`${TEST_SERVER_URL}/api/admin/recovery`, {
      headers: { Authorization: `Bearer ${a.context.session?.token}` },
    });
    expect(await response.json()).toMatchObject({ broughtBack: 4, reason: `restored from ${file}` });
  } finally {
    rmSync(backups, { recursive: true, force: true });
    await pair.close();
  }
}

describe('restore drill', () => {
  it('on SQLite: nothing the devices hold is lost, every field has its latest value', async () => {
    await drill(() => null);
  });

  describeOnPostgres('on PostgreSQL', (cluster) => {
    const databases = new Map<string, string>();
    const original = TestServer.storeFactory;
    const path = process.env.PATH;
    beforeAll(() => {
      // pg_dump and pg_restore of the cluster's own version.
      process.env.PATH = `${postgresBinDir()}${delimiter}${path}`;
      TestServer.storeFactory = cluster().storeFactory(databases);
    });
    afterAll(() => {
      TestServer.storeFactory = original;
      process.env.PATH = path;
    });

    it('nothing the devices hold is lost, every field has its latest value', async () => {
      await drill((server) => databases.get(server.dir) ?? null);
    });
  });
});
