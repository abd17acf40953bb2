// A server restored from a backup has forgotten what came after it; its devices give that
// back (src/db/server-epoch.ts). Texts that lost to a concurrent edit are kept in `conflicts`
// records, which only the server creates: those, and how people settled them, must come back too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createRecord, deleteRecord, updateRecord } from '../../src/db/writes';
import { readConfig } from '../../src/server/config';
import { takeBackup } from '../../src/server/ops/backup';
import { restoreBackup } from '../../src/server/ops/restore';
import { type DevicePair, pairTest } from '../helpers/device-pair';
import type { TestDevice } from '../helpers/test-device';
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

pairTest('a restored server gets back the conflicts it lost, and how they were settled', async ({ pair }) => {
  const { server, a, b } = pair;
  const backups = mkdtempSync(join(tmpdir(), 'valise-conflicts-'));
  try {
    const settled = await conflictOn(pair, 'Visite de mars');
    const { file } = await backupOf(pair, backups);
    await deleteRecord(b.context, 'conflicts', settled);
    const open = await conflictOn(pair, 'Visite d’avril');
    await syncAll(a, b);
    const kept = await a.context.db.records('conflicts').get(open);
    expect(['Alix', 'Bastien']).toContain(kept?.authorName);

    await server.whileStopped(() => restoreBackup(file, readConfig({ VALISE_DATA: server.dir }), new Date()).then());
    await syncAll(a, b);

    const onServer = new Map((await server.snapshot(pair.networkId)).map((row) => [row.id, JSON.parse(row.data)]));
    expect(onServer.get(settled)?.deleted).toBe(true);
    // Who typed the losing text is the server's word, as it was: not the device's that gave it back.
    expect(onServer.get(open)).toMatchObject({ deleted: false, value: kept?.value, authorName: kept?.authorName });
    const serverRecords = (await server.snapshot(pair.networkId))
      .map((row) => ({ ...JSON.parse(row.data), hlc: JSON.parse(row.clocks) }))
      .sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(await a.records()).toEqual(serverRecords);
    expect(await b.records()).toEqual(serverRecords);
  } finally {
    rmSync(backups, { recursive: true, force: true });
  }
});

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
