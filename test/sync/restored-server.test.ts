// A server restored from a backup has forgotten what came after it; its devices give that
// back (src/db/server-epoch.ts). Texts that lost to a concurrent edit are kept in `conflicts`
// records, which only the server creates (it names who typed the text) and seals: how people
// settled those it still holds comes back, and those it lost come back under its seal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createRecord, deleteRecord, updateRecord } from '../../src/db/writes';
import { readConfig } from '../../src/server/config';
import { takeBackup } from '../../src/server/ops/backup';
import { restoreBackup } from '../../src/server/ops/restore';
import type { Fetch } from '../../src/sync/transport';
import { type DevicePair, pairTest } from '../helpers/device-pair';
import { TestDevice } from '../helpers/test-device';
import { firstMeetingVisit } from '../helpers/visit-fields';

async function syncAll(...devices: TestDevice[]) {
  for (const device of [...devices, ...devices]) {
    await device.sync();
    expect(device.engine.status.state, `${device.name}: ${device.engine.status.error}`).toBe('idle');
  }
}

/** Both devices edit a visit's notes offline, one after the other syncs: the server keeps a conflict. */
async function conflictOn({ a, b }: DevicePair, notes: string): Promise<string> {
  const visit = await createRecord(a.context, 'visits', firstMeetingVisit(notes));
  await syncAll(a, b);
  await updateRecord(a.context, 'visits', visit.id, { notes: `${notes}, version d’Alix` });
  await updateRecord(b.context, 'visits', visit.id, { notes: `${notes}, version de Bastien` });
  await syncAll(a, b);
  const conflicts = await a.context.db
    .records('conflicts')
    .filter((conflict) => conflict.recordId === visit.id)
    .toArray();
  expect(conflicts).toHaveLength(1);
  return conflicts[0]?.id as string;
}

function backupOf({ server }: DevicePair, dir: string) {
  return takeBackup(server.store, { dir, keepDaily: 7, keepWeekly: 4, databaseUrl: null, now: new Date() });
}

pairTest(
  'a restored server gets back the conflicts it lost, open or settled, and how its own were settled',
  async ({ pair }) => {
    const { server, a, b } = pair;
    const backups = mkdtempSync(join(tmpdir(), 'valise-conflicts-'));
    let camille: TestDevice | null = null;
    try {
      const settled = await conflictOn(pair, 'Visite de mars');
      const { file } = await backupOf(pair, backups);
      await deleteRecord(b.context, 'conflicts', settled);
      const open = await conflictOn(pair, 'Visite d’avril');
      const lostSettled = await conflictOn(pair, 'Visite de mai');
      await syncAll(a, b);
      // Settled on Alix's phone after the backup; Bastien's phone still holds it open.
      await deleteRecord(a.context, 'conflicts', lostSettled);
      await a.sync();
      const before = await a.context.db.records('conflicts').get(open);

      await server.whileStopped(() => restoreBackup(file, readConfig({ VALISE_DATA: server.dir }), new Date()).then());
      // Bastien's open copy reaches the restored server first; Alix's settling still wins.
      await syncAll(b, a);

      const onServer = new Map((await server.snapshot(pair.networkId)).map((row) => [row.id, JSON.parse(row.data)]));
      expect([settled, open, lostSettled].map((id) => onServer.get(id)?.deleted)).toEqual([true, false, true]);
      // As the server made it: who typed the text is its word, kept under its seal.
      const { deleted: _open, updatedAt: _at, updatedBy: _by, hlc: _hlc, ...made } = before as Record<string, unknown>;
      expect(onServer.get(open)).toMatchObject(made);
      for (const device of [a, b]) {
        expect(await device.context.db.rejected.count(), device.name).toBe(0);
        expect(await device.context.db.outbox.count(), device.name).toBe(0);
      }
      const serverRecords = (await server.snapshot(pair.networkId))
        .map((row) => ({ ...JSON.parse(row.data), hlc: JSON.parse(row.clocks) }))
        .sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(await a.records()).toEqual(serverRecords);
      expect(await b.records()).toEqual(serverRecords);

      // A phone that joins now, and never held them, sees the conflict still open, with its author.
      camille = await TestDevice.open('Camille', server.fetch);
      await camille.join(await server.invite(pair.networkId));
      await syncAll(camille);
      expect(await camille.context.db.records('conflicts').get(open)).toMatchObject({ ...made, deleted: false });
      // The losing text is named by the member who typed it.
      const typedBy = { Alix: 'd’Alix', Bastien: 'de Bastien' }[made.authorName as string];
      expect(made.value).toBe(`Visite d’avril, version ${typedBy}`);
      expect((await camille.context.db.records('conflicts').get(lostSettled))?.deleted).toBe(true);
    } finally {
      await camille?.close();
      rmSync(backups, { recursive: true, force: true });
    }
  },
);

pairTest(
  'a record only one phone held, edited on it since the server lost it, stays and goes back',
  async ({ pair }) => {
    const { server, a } = pair;
    const backups = mkdtempSync(join(tmpdir(), 'valise-lost-'));
    try {
      await a.sync();
      const { file } = await backupOf(pair, backups);
      const visit = await createRecord(a.context, 'visits', firstMeetingVisit('Écrite après la sauvegarde'));
      await a.sync();
      await server.whileStopped(() => restoreBackup(file, readConfig({ VALISE_DATA: server.dir }), new Date()).then());

      // Edited on the phone before its first sync with the restored server, which pushes first.
      await updateRecord(a.context, 'visits', visit.id, { purpose: 'Corrigée hors ligne' });
      await a.sync();
      await a.sync();
      const onServer = (await server.snapshot(pair.networkId)).find((row) => row.id === visit.id);
      expect(JSON.parse(onServer?.data ?? 'null')).toMatchObject({ purpose: 'Corrigée hors ligne', deleted: false });
      expect(await a.context.db.records('visits').get(visit.id)).toMatchObject({ purpose: 'Corrigée hors ligne' });
      expect(await a.context.db.rejected.count()).toBe(0);
    } finally {
      rmSync(backups, { recursive: true, force: true });
    }
  },
);

pairTest(
  'a phone updated from 0.1.0 gives back what a server restored since lost, and nothing to one never restored',
  async ({ pair }) => {
    const { server, b } = pair;
    const backups = mkdtempSync(join(tmpdir(), 'valise-updated-'));
    let mutationsPushed = 0;
    const counted: Fetch = async (input, init) => {
      if (input.endsWith('/api/sync/push')) mutationsPushed += (await new Response(init?.body).json()).mutations.length;
      return server.fetch(input, init);
    };
    const phone = await TestDevice.open('Dominique', counted);
    // Its records, cursor and outbox stay through the app's update (test/unit/db/upgrade.test.ts);
    // 0.1.0 kept no epoch, so the updated app starts without one.
    const updateFrom010 = () => phone.context.db.meta.delete('serverEpoch');
    try {
      await phone.join(await server.invite(pair.networkId));
      await createRecord(phone.context, 'visits', firstMeetingVisit('Avant la sauvegarde'));
      await syncAll(phone);
      await updateFrom010();
      mutationsPushed = 0;
      await syncAll(phone);
      expect(mutationsPushed, 'a server never restored holds all the phone pushed').toBe(0);

      const { file } = await backupOf(pair, backups);
      const lost = await createRecord(phone.context, 'visits', firstMeetingVisit('Après la sauvegarde'));
      await syncAll(phone);
      await server.whileStopped(() => restoreBackup(file, readConfig({ VALISE_DATA: server.dir }), new Date()).then());
      await updateFrom010();
      await syncAll(phone);
      const onServer = (await server.snapshot(pair.networkId)).find((row) => row.id === lost.id);
      expect(JSON.parse(onServer?.data ?? 'null')).toMatchObject({ notes: 'Après la sauvegarde', deleted: false });
      await syncAll(b);
      expect(await b.context.db.records('visits').get(lost.id)).toMatchObject({ notes: 'Après la sauvegarde' });
      // Given back once: its later syncs send only what changes.
      mutationsPushed = 0;
      await syncAll(phone);
      expect(mutationsPushed).toBe(0);
    } finally {
      await phone.close();
      rmSync(backups, { recursive: true, force: true });
    }
  },
);
