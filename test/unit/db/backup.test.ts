import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  DamagedFileError,
  markBackupSaved,
  RestoreCancelledError,
  readBackupMeta,
  restoreBackup,
} from '../../../src/db/backup';
import { putBlob, sha256Hex } from '../../../src/db/blobs';
import type { DataContext } from '../../../src/db/context';
import { deviceClock } from '../../../src/db/device-clock';
import { leaveNetwork } from '../../../src/db/sync-store';
import { createRecord, createRecords, deleteRecord, updateRecord } from '../../../src/db/writes';
import { type Backup, parseBackup } from '../../../src/domain/backup';
import { RECORD_TYPES, type RecordType } from '../../../src/domain/record-types';
import { parseHlc } from '../../../src/protocol/hlc';
import { savedBackupText } from '../../fixtures/backup';
import { sampleRecords } from '../../fixtures/records';
import { openTestContext } from '../../helpers/db';

const OPTIONS = { appVersion: 'test', includeFiles: true };

async function seed(context: DataContext): Promise<void> {
  const sample = sampleRecords();
  for (const type of RECORD_TYPES) await createRecord(context, type, sample[type] as never);
}

async function everything(context: DataContext) {
  const all: Record<string, unknown[]> = {};
  for (const type of RECORD_TYPES) all[type] = await context.db.anyRecords(type).orderBy('id').toArray();
  return all;
}

async function saved(context: DataContext): Promise<Backup> {
  const parsed = await parseBackup(await savedBackupText(context, OPTIONS));
  if (!parsed.ok) throw new Error(`backup unreadable: ${parsed.problem.kind}`);
  return parsed.backup;
}

describe('a backup of the device', () => {
  test('export, wipe, restore gives back every record with its clocks, and queues them for the server', async () => {
    const context = await openTestContext();
    await seed(context);
    const before = await everything(context);
    const backup = await saved(context);

    await leaveNetwork(context, { wipe: true });
    expect(await context.db.records('visits').count()).toBe(0);
    const counts = await restoreBackup(context, backup);

    expect(await everything(context)).toEqual(before);
    expect(counts.visits).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const queued = new Set((await context.db.outbox.toArray()).map((entry) => entry.type));
    expect(queued).toEqual(new Set<RecordType>(RECORD_TYPES));
  });

  test('restoring the same file twice changes nothing and queues nothing more', async () => {
    const context = await openTestContext();
    await seed(context);
    const backup = await saved(context);
    await leaveNetwork(context, { wipe: true });
    await restoreBackup(context, backup);
    const once = await everything(context);
    const outboxOnce = await context.db.outbox.count();

    const again = await restoreBackup(context, backup);

    expect(await everything(context)).toEqual(once);
    expect(await context.db.outbox.count()).toBe(outboxOnce);
    expect(again.visits).toEqual({ added: 0, updated: 0, unchanged: 1 });
  });

  test('an old backup never overwrites an edit or a delete made after it', async () => {
    const context = await openTestContext();
    const visit = await createRecord(context, 'visits', sampleRecords().visits);
    const contact = await createRecord(context, 'contacts', sampleRecords().contacts);
    const backup = await saved(context);
    await updateRecord(context, 'visits', visit.id, { purpose: 'Modifié après la sauvegarde' });
    await deleteRecord(context, 'contacts', contact.id);
    const outbox = await context.db.outbox.count();

    await restoreBackup(context, backup);

    expect((await context.db.records('visits').get(visit.id))?.purpose).toBe('Modifié après la sauvegarde');
    expect((await context.db.records('contacts').get(contact.id))?.deleted).toBe(true);
    expect(await context.db.outbox.count()).toBe(outbox);
  });

  test('a newer backup brings its later edits into an older copy, queued with only those fields', async () => {
    const phone = await openTestContext();
    const visit = await createRecord(phone, 'visits', sampleRecords().visits);
    const older = await saved(phone);
    await updateRecord(phone, 'visits', visit.id, { purpose: 'Complété sur le téléphone' });
    const newer = await saved(phone);

    const laptop = await openTestContext();
    await restoreBackup(laptop, older);
    await laptop.db.outbox.clear();
    await restoreBackup(laptop, newer);

    expect((await laptop.db.records('visits').get(visit.id))?.purpose).toBe('Complété sur le téléphone');
    const [entry] = await laptop.db.outbox.toArray();
    expect(entry?.fields).toEqual(expect.arrayContaining(['purpose']));
    expect(entry?.fields).not.toContain('notes');
  });

  test('a file holding a record twice restores it once, each field from the copy that changed it last', async () => {
    const phone = await openTestContext();
    const visit = await createRecord(phone, 'visits', sampleRecords().visits);
    const older = (await saved(phone)).body.records.visits ?? [];
    await updateRecord(phone, 'visits', visit.id, { purpose: 'Complété sur le téléphone' });
    const { body } = await saved(phone);
    // Made by hand (or two files pasted into one): the newer copy first.
    const plain = JSON.stringify({ ...body, records: { visits: [...(body.records.visits ?? []), ...older] } });
    const checksum = createHash('sha256').update(plain).digest('hex');
    const parsed = await parseBackup(`{"format":"valise-backup","version":1,"checksum":"${checksum}","body":${plain}}`);
    if (!parsed.ok) throw new Error(parsed.problem.kind);

    const laptop = await openTestContext();
    const counts = await restoreBackup(laptop, parsed.backup);

    expect(counts.visits).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect((await laptop.db.records('visits').get(visit.id))?.purpose).toBe('Complété sur le téléphone');
  });

  test('local writes after a restore win over the restored clocks', async () => {
    const phone = await openTestContext();
    const visit = await createRecord(phone, 'visits', sampleRecords().visits);
    const backup = await saved(phone);
    const laptop = await openTestContext();
    // The laptop's clock is far behind the phone's.
    deviceClock(laptop).offsetMs = -3_600_000;
    await restoreBackup(laptop, backup);
    await updateRecord(laptop, 'visits', visit.id, { purpose: 'Corrigé sur l’ordinateur' });
    const stored = await laptop.db.records('visits').get(visit.id);
    expect(stored?.hlc.purpose && stored.hlc.purpose > (backup.body.records.visits?.[0]?.clocks['*'] ?? '')).toBe(true);
  });

  test('brings the values of a backup dated ahead (a phone set to a wrong year, a hand-made file) with clocks of now', async () => {
    const phone = await openTestContext();
    // The phone's date is ten years ahead; a clock of the file names a 30 February.
    deviceClock(phone).offsetMs = 10 * 365 * 86_400_000;
    const visit = await createRecord(phone, 'visits', sampleRecords().visits);
    const backup = await saved(phone);
    const restored = backup.body.records.visits?.[0];
    if (!restored) throw new Error('no visit in the backup');
    restored.clocks.notes = '2026-02-30T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa';

    const laptop = await openTestContext();
    await restoreBackup(laptop, backup);
    const latestHeld = deviceClock(laptop).physicalNow() + 86_400_000;
    const held = (clock: string) => (parseHlc(clock)?.millis ?? Number.POSITIVE_INFINITY) <= latestHeld;
    const stored = await laptop.db.records('visits').get(visit.id);
    expect(stored?.purpose).toBe(visit.purpose);
    // Held as they came, they would win over every edit a colleague makes for ten years.
    expect(Object.values(stored?.hlc ?? {}).filter((clock) => !held(clock))).toEqual([]);
    expect(held(deviceClock(laptop).snapshot())).toBe(true);
  });

  test('a backup dated ahead, restored again after an edit, changes nothing and queues nothing', async () => {
    const phone = await openTestContext();
    deviceClock(phone).offsetMs = 10 * 365 * 86_400_000;
    const visit = await createRecord(phone, 'visits', sampleRecords().visits);
    const backup = await saved(phone);
    const laptop = await openTestContext();
    await restoreBackup(laptop, backup);
    await updateRecord(laptop, 'visits', visit.id, { purpose: 'Édité après la restauration' });
    const queued = await laptop.db.outbox.count();

    const again = await restoreBackup(laptop, backup);
    expect(again.visits).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect((await laptop.db.records('visits').get(visit.id))?.purpose).toBe('Édité après la restauration');
    expect(await laptop.db.outbox.count()).toBe(queued);
  });

  test('carries photos’ bytes and refuses damaged ones without writing anything', async () => {
    const context = await openTestContext();
    const bytes = new TextEncoder().encode('photo de l’atelier').buffer as ArrayBuffer;
    const sha256 = await sha256Hex(bytes);
    await putBlob(context, sha256, bytes, 'image/jpeg');
    const sample = sampleRecords();
    await createRecord(context, 'attachments', { ...sample.attachments, sha256, size: bytes.byteLength });
    const backup = await saved(context);
    expect(backup.body.files).toHaveLength(1);

    const fresh = await openTestContext();
    const damaged: Backup = structuredClone(backup);
    (damaged.body.files[0] as { data: string }).data = btoa('autre chose');
    await expect(restoreBackup(fresh, damaged)).rejects.toBeInstanceOf(DamagedFileError);
    (damaged.body.files[0] as { data: string }).data = 'pas du base64 !';
    await expect(restoreBackup(fresh, damaged)).rejects.toBeInstanceOf(DamagedFileError);
    expect(await fresh.db.records('attachments').count()).toBe(0);

    expect((await restoreBackup(fresh, backup)).files).toBe(1);
    expect(new Uint8Array((await fresh.db.blobs.get(sha256))?.data ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array(bytes),
    );
  });

  test('gives a device without a name the author name of the backup, never replacing one typed here', async () => {
    const phone = await openTestContext();
    // Pasted on two lines, with a stray control character and a right-to-left override that
    // would draw it backwards: cleaned as a name that comes through the wire.
    phone.identity.authorName = 'Camille\r\n\u0007\u202eMartin ';
    const backup = await saved(phone);

    const fresh = await openTestContext();
    expect((await restoreBackup(fresh, backup)).authorName).toBe('Camille Martin');
    expect(fresh.identity.authorName).toBe('Camille Martin');
    expect((await fresh.db.meta.get('identity'))?.value).toMatchObject({ authorName: 'Camille Martin' });

    const named = await openTestContext();
    named.identity.authorName = 'Hugo';
    await named.db.meta.put({ key: 'identity', value: named.identity });
    await restoreBackup(named, backup);
    expect(named.identity.authorName).toBe('Hugo');
  });

  test('remembers when the last backup was saved', async () => {
    const context = await openTestContext();
    expect(await readBackupMeta(context)).toEqual({ lastBackupAt: null });
    await markBackupSaved(context, '2026-11-28T10:00:00.000Z');
    expect(await readBackupMeta(context)).toEqual({ lastBackupAt: '2026-11-28T10:00:00.000Z' });
  });
});

describe('a long restore', () => {
  test('reports its progress and, when cancelled midway, leaves the device as it was', async () => {
    const phone = await openTestContext();
    const sample = sampleRecords();
    const inputs = Array.from({ length: 250 }, (_, index) => ({
      ...sample.contacts,
      id: undefined,
      name: `Contact ${index}`,
    }));
    await createRecords(phone, 'contacts', inputs);
    const backup = await saved(phone);

    const laptop = await openTestContext();
    const controller = new AbortController();
    const steps: number[] = [];
    const cancelled = restoreBackup(laptop, backup, {
      signal: controller.signal,
      onProgress: (done, total) => {
        steps.push(done);
        expect(total).toBe(250);
        controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(RestoreCancelledError);
    expect(steps).toEqual([100]);
    expect(await laptop.db.records('contacts').count()).toBe(0);
    expect(await laptop.db.outbox.count()).toBe(0);

    const progress: number[] = [];
    await restoreBackup(laptop, backup, { onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([100, 200, 250]);
    expect(await laptop.db.records('contacts').count()).toBe(250);
  });

  test('keeps a later release\u2019s record types, even one named like an object\u2019s member, through a restore and the next backup', async () => {
    const clocks = { '*': '2026-11-01T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa' };
    const kept = (type: string) => ({ data: { id: `${type}-1`, label: `un ${type}` }, clocks });
    const phone = await openTestContext();
    await phone.db.unknownRecords.bulkPut(
      ['toString', 'hasOwnProperty'].map((type) => ({ type, id: `${type}-1`, ...kept(type) })),
    );
    const parsed = await parseBackup(await savedBackupText(phone, OPTIONS));
    if (!parsed.ok) throw new Error(`backup refused: ${parsed.problem.kind}`);

    const device = await openTestContext();
    await restoreBackup(device, parsed.backup);
    const next = await parseBackup(await savedBackupText(device, OPTIONS));

    expect(next.ok && next.backup.body.unknownRecords).toEqual({
      hasOwnProperty: [kept('hasOwnProperty')],
      toString: [kept('toString')],
    });
  });
});
