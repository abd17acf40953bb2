// Who wrote a record, as every device of the network sees it: the member of the device that
// pushed it (the server does not take a change's word for it), without losing any write a
// legitimate device sends under a name or a clock that is not its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { restoreBackup } from '../../src/db/backup';
import { setAuthorName } from '../../src/db/identity';
import { createRecord, updateRecord } from '../../src/db/writes';
import { type Backup, parseBackup } from '../../src/domain/backup';
import { readConfig } from '../../src/server/config';
import { takeBackup } from '../../src/server/ops/backup';
import { restoreBackup as restoreServer } from '../../src/server/ops/restore';
import { savedBackupText } from '../fixtures/backup';
import { type DevicePair, pairTest as it } from '../helpers/device-pair';
import { TestDevice } from '../helpers/test-device';
import { firstMeetingVisit as visit } from '../helpers/visit-fields';

describe('the author every device shows', () => {
  it('is the member a device joined as, for what it wrote under another name before joining', async ({ pair, a }) => {
    const camille = await TestDevice.open('Camille', pair.server.fetch);
    try {
      await setAuthorName(camille.context, 'Cam');
      const written = await createRecord(camille.context, 'visits', visit('Écrit avant de rejoindre le réseau'));
      expect(written.updatedBy).toBe('Cam');
      await camille.join(await pair.server.invite(pair.networkId));
      await camille.sync();
      await a.sync();
      expect((await a.context.db.records('visits').get(written.id))?.updatedBy).toBe('Camille');
      // The writer's own device takes back the name the network keeps.
      expect((await camille.context.db.records('visits').get(written.id))?.updatedBy).toBe('Camille');
      expect(await camille.outboxSize()).toBe(0);
    } finally {
      await camille.close();
    }
  });

  it('is the writer’s own member when its device claims another’s name', async ({ a, b }) => {
    const session = b.context.session;
    if (!session) throw new Error('b joined');
    // A device changed to write in Alix's name.
    b.context.session = { ...session, memberName: 'Alix' };
    const written = await createRecord(b.context, 'visits', visit('Pas écrit par Alix'));
    expect(written.updatedBy).toBe('Alix');
    await b.sync();
    await a.sync();
    expect((await a.context.db.records('visits').get(written.id))?.updatedBy).toBe('Bastien');
    expect((await b.context.db.records('visits').get(written.id))?.updatedBy).toBe('Bastien');
  });
});

/** The backup file a device's owner saves, as a restore reads it. */
async function backupOf(device: TestDevice): Promise<Backup> {
  const parsed = await parseBackup(await savedBackupText(device.context));
  if (!parsed.ok) throw new Error(`backup refused: ${parsed.problem.kind}`);
  return parsed.backup;
}

/** A device of `name` joined to the pair's network with the clock node `node`. */
async function joinedWithNode(pair: DevicePair, name: string, node: string): Promise<TestDevice> {
  const device = await TestDevice.open(name, pair.server.fetch);
  device.context.identity = { ...device.context.identity, clockNode: node };
  await device.join(await pair.server.invite(pair.networkId));
  return device;
}

describe('a legitimate device sending other devices’ clocks', () => {
  it('brings a backup’s unsynced writes to the network from a new phone joined with a new node', async ({
    pair,
    a,
    b,
  }) => {
    const created = await createRecord(a.context, 'visits', visit('Version commune'));
    await a.sync();
    await b.sync();
    // Written on Alix's old phone and never sent: only its backup holds it.
    await updateRecord(a.context, 'visits', created.id, { notes: 'Écrit hors ligne avant la panne' });
    const backup = await backupOf(a);
    const newPhone = await TestDevice.open('Alix', pair.server.fetch);
    try {
      await newPhone.join(await pair.server.invite(pair.networkId));
      await newPhone.sync();
      await restoreBackup(newPhone.context, backup);
      await newPhone.sync();
      await b.sync();
      const onB = await b.context.db.records('visits').get(created.id);
      expect(onB?.notes).toBe('Écrit hors ligne avant la panne');
      expect(await newPhone.context.db.records('visits').get(created.id)).toEqual(onB);
      expect(await newPhone.outboxSize()).toBe(0);
      expect(await newPhone.context.db.rejected.count()).toBe(0);
    } finally {
      await newPhone.close();
    }
  });

  it('takes the server’s clock for a text it sent again that lost a tie, and edits it later without a conflict', async ({
    pair,
    b,
  }) => {
    // Three phones of Alix whose nodes sort old > first new > second new.
    const oldPhone = await joinedWithNode(pair, 'Alix', 'f0f0f0f0f0f0f0f0');
    const firstNew = await joinedWithNode(pair, 'Alix', '8080808080808080');
    const secondNew = await joinedWithNode(pair, 'Alix', '1010101010101010');
    try {
      const created = await createRecord(oldPhone.context, 'visits', visit('Version commune'));
      await oldPhone.sync();
      await updateRecord(oldPhone.context, 'visits', created.id, { notes: 'Écrit hors ligne avant la panne' });
      const backup = await backupOf(oldPhone);
      // Both new phones restore the backup: the server dates its text under the first one's
      // node; the second's, at the same instant under a smaller node, loses the tie.
      for (const phone of [firstNew, secondNew]) {
        await phone.sync();
        await restoreBackup(phone.context, backup);
        await phone.sync();
      }
      await updateRecord(secondNew.context, 'visits', created.id, { notes: 'Revu sur le nouveau téléphone' });
      await secondNew.sync();
      await b.sync();
      expect((await b.context.db.records('visits').get(created.id))?.notes).toBe('Revu sur le nouveau téléphone');
      expect(await b.context.db.records('conflicts').toArray()).toEqual([]);
    } finally {
      for (const phone of [oldPhone, firstNew, secondNew]) await phone.close();
    }
  });

  it('gives back to a restored server a colleague’s write it lost, under the member who gave it back', async ({
    pair,
    a,
    b,
  }) => {
    const created = await createRecord(a.context, 'visits', visit('Version commune'));
    await a.sync();
    await b.sync();
    const backups = mkdtempSync(join(tmpdir(), 'valise-backups-'));
    const { file } = await takeBackup(pair.server.store, {
      dir: backups,
      keepDaily: 7,
      keepWeekly: 4,
      databaseUrl: null,
      now: new Date(),
    });
    // Bastien's edit reaches the server and Alix, then the server goes back to its backup;
    // Bastien's phone is not there to send it again.
    await updateRecord(b.context, 'visits', created.id, { notes: 'Ajout de Bastien' });
    await b.sync();
    await a.sync();
    await pair.server.whileStopped(async () => {
      await restoreServer(file, readConfig({ VALISE_DATA: pair.server.dir }), new Date());
    });
    const noteOnServer = async () => {
      const [row] = (await pair.server.snapshot(pair.networkId)).filter((change) => change.id === created.id);
      return JSON.parse(row?.data ?? '{}');
    };
    expect((await noteOnServer()).notes).toBe('Version commune');
    await a.sync();
    await a.sync();
    expect(await noteOnServer()).toMatchObject({ notes: 'Ajout de Bastien', updatedBy: 'Alix' });
    expect((await a.context.db.records('visits').get(created.id))?.updatedBy).toBe('Alix');
    expect(await a.context.db.rejected.count()).toBe(0);
    rmSync(backups, { recursive: true, force: true });
  });
});
