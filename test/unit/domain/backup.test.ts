import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BackupBody,
  base64ToBytes,
  bytesToBase64,
  isForeignBackup,
  needsBackupReminder,
  parseBackup,
  type ReadProgress,
  restoreRecord,
} from '../../../src/domain/backup';
import { writeBackupFile } from '../../../src/domain/backup-writer';
import { newId } from '../../../src/domain/ids';
import { clockOf, mergePatch, type RecordState } from '../../../src/domain/merge';
import { formatHlc } from '../../../src/protocol/hlc';
import { backupSource, backupText } from '../../fixtures/backup';

const clock = (millis: number, node = 'aaaaaaaaaaaaaaaa') => formatHlc({ millis, counter: 0, node });

/** A visit as the device stores it (validated, defaults filled), all fields written at one clock. */
function visitState(purpose = 'Premier rendez-vous'): RecordState {
  return {
    data: {
      id: newId(),
      networkId: 'local',
      createdAt: '2026-03-03T13:05:00.000Z',
      updatedAt: '2026-03-03T13:05:00.000Z',
      updatedBy: 'Camille',
      deleted: false,
      visitedAt: '2026-03-03T13:05:00.000Z',
      purpose,
      notes: 'Ligne 1\nLigne 2 ; « guillemets »',
      contactIds: [],
      services: ['detect'],
    },
    clocks: { '*': clock(Date.parse('2026-03-03T13:05:00.000Z')) },
  };
}

function body(records: BackupBody['records']): BackupBody {
  return {
    exportedAt: '2026-11-28T10:00:00.000Z',
    networkId: 'local',
    networkName: null,
    appVersion: '0.1.0',
    records,
    files: [],
  };
}

describe('the backup file', () => {
  it('reads back exactly what was written', async () => {
    const visit = visitState();
    const text = await backupText(body({ visits: [visit] }));
    const parsed = await parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.backup.body.records.visits).toEqual([visit]);
  });

  it('is written a page and a piece of a file at a time, byte for byte the file of JSON.stringify and its checksum', async () => {
    const visits = Array.from({ length: 300 }, (_, index) =>
      visitState(`Visite ${index} — café ☕ 𝄞 \ud800 ${'é'.repeat(index % 3)}`),
    );
    // 2 MB of base64, written a megabyte at a time: a pause after each.
    const photo = bytesToBase64(new Uint8Array(1_600_000).map((_, index) => (index * 7) % 256));
    // In the order a device writes its members.
    const { files: _, ...head } = body({ visits, organisations: [visitState()] });
    const saved: BackupBody = {
      ...head,
      unknownRecords: { typeOfALaterRelease: [visitState()] },
      files: [{ sha256: 'a'.repeat(64), mimeType: 'image/jpeg', data: photo }],
      settings: { authorName: 'Dominique' },
    };
    let pauses = 0;
    const file = await writeBackupFile(backupSource(saved, 100), async () => {
      pauses += 1;
    });
    const plain = JSON.stringify(saved);
    const checksum = createHash('sha256').update(plain).digest('hex');
    const expected = `{"format":"valise-backup","version":1,"checksum":"${checksum}","body":${plain}}`;
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(pauses).toBeGreaterThanOrEqual(2);
  });

  it('reads a record written before a field existed, with the field’s default', async () => {
    const older = visitState();
    delete older.data.contactIds;
    delete older.data.services;
    const parsed = await parseBackup(await backupText(body({ visits: [older] })));
    expect(parsed.ok && parsed.backup.body.records.visits?.[0]?.data).toMatchObject({ contactIds: [], services: [] });
  });

  it('refuses a file that is not JSON, or JSON that is not a Valise backup', async () => {
    expect(await parseBackup('PK\u0003\u0004 a zip file')).toEqual({ ok: false, problem: { kind: 'not_json' } });
    expect(await parseBackup('{"name":"Camille"}')).toEqual({ ok: false, problem: { kind: 'not_backup' } });
  });

  it('refuses a file nested 20,000 deep as too deep, where its checksum overflowed the stack', async () => {
    // Made by hand with a checksum that fits, as JSON.stringify cannot write it.
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const bodyText = JSON.stringify(body({})).replace(
      '"records":{}',
      `"records":{},"unknownRecords":{"x":[{"data":{"a":${deep}},"clocks":{}}]}`,
    );
    const checksum = createHash('sha256').update(bodyText).digest('hex');
    const text = `{"format":"valise-backup","version":1,"checksum":"${checksum}","body":${bodyText}}`;
    expect(await parseBackup(text)).toEqual({ ok: false, problem: { kind: 'too_deep' } });
  });

  it('reads a file re-formatted since it was saved, whose body still hashes the same once re-written', async () => {
    const visit = visitState();
    const text = await backupText(body({ visits: [visit] }));
    const parsed = await parseBackup(JSON.stringify(JSON.parse(text), null, 2));
    expect(parsed.ok && parsed.backup.body.records.visits).toEqual([visit]);
  });

  it('refuses a truncated file', async () => {
    const text = await backupText(body({ visits: [visitState()] }));
    expect(await parseBackup(text.slice(0, text.length - 40))).toEqual({ ok: false, problem: { kind: 'not_json' } });
  });

  it('refuses a file edited by hand after it was saved (checksum)', async () => {
    const text = await backupText(body({ visits: [visitState('Premier rendez-vous')] }));
    const edited = text.replace('Premier rendez-vous', 'Second rendez-vous');
    expect(await parseBackup(edited)).toEqual({ ok: false, problem: { kind: 'checksum' } });
  });

  it('refuses a file of a newer version of the app, naming its version', async () => {
    const text = (await backupText(body({}))).replace('"version":1', '"version":7');
    expect(await parseBackup(text)).toEqual({ ok: false, problem: { kind: 'newer_version', version: 7 } });
  });

  it('refuses a record that breaks the schema, naming the record and the field', async () => {
    const broken = visitState();
    broken.data.visitedAt = 'hier';
    const parsed = await parseBackup(await backupText(body({ visits: [broken] })));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem).toMatchObject({ kind: 'invalid_record', type: 'visits', id: broken.data.id });
      expect(parsed.problem.kind === 'invalid_record' && parsed.problem.issue?.field).toBe('visitedAt');
    }
  });

  it('refuses a record whose clocks are no clocks, of a known type or not', async () => {
    for (const type of ['visits', 'typeOfALaterRelease']) {
      const broken = { ...visitState(), clocks: { '*': 'hier' } };
      const text = await backupText(body({ [type]: [visitState(), broken] }));
      expect(await parseBackup(text)).toEqual({ ok: false, problem: { kind: 'not_backup' } });
    }
  });

  it('refuses records of an unknown type that have no id, naming how many, where they became one', async () => {
    const withId = (id: unknown) => ({ ...visitState(), data: { ...visitState().data, id } });
    const without = visitState();
    delete without.data.id;
    // Stored by String(id), the last two would also be one: "1" and "[object Object]" stand for many.
    const later = [visitState(), without, withId(1), withId({ id: 'x' })];
    const text = await backupText({ ...body({}), unknownRecords: { typeOfALaterRelease: later } });
    expect(await parseBackup(text)).toEqual({ ok: false, problem: { kind: 'unknown_without_id', count: 3 } });
    // Each with its id, they are carried as they are.
    const parsed = await parseBackup(
      await backupText({ ...body({}), unknownRecords: { later: [visitState(), visitState()] } }),
    );
    expect(parsed.ok && parsed.backup.body.unknownRecords?.later?.length).toBe(2);
  });

  it('checks a long file a few records at a time, saying how far it is, unknown types included', async () => {
    const visits = Array.from({ length: 90 }, () => visitState());
    const later = Array.from({ length: 30 }, () => visitState());
    const text = await backupText({ ...body({ visits }), unknownRecords: { typeOfALaterRelease: later } });
    const seen: ReadProgress[] = [];
    const parsed = await parseBackup(text, async (progress) => {
      seen.push(progress);
    });
    // Its text is read a record at a time too (JSON.parse of 36 MB held the page for seconds).
    const read = seen.flatMap((progress) => (progress.step === 'reading' ? [progress.share] : []));
    expect(read.length).toBeGreaterThan(100);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(seen.filter((progress) => progress.step === 'checking')).toEqual([
      { step: 'checking', checked: 50, total: 120 },
      { step: 'checking', checked: 100, total: 120 },
    ]);
    expect(parsed.ok && parsed.backup.body.records.visits?.length).toBe(90);
    expect(parsed.ok && parsed.backup.body.unknownRecords?.typeOfALaterRelease?.length).toBe(30);
  });

  it('carries bytes through base64 unchanged', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      }),
      { numRuns: 30 },
    );
  });
});

describe('restoring a record', () => {
  it('adopts a record the device does not have into its network', () => {
    const visit = visitState();
    const restored = restoreRecord('visits', undefined, visit, 'reseau-1');
    expect(restored?.keys).toBeNull();
    expect(restored?.state.data.networkId).toBe('reseau-1');
    expect(restored?.state.clocks).toEqual(visit.clocks);
  });

  it('keeps an edit made after the backup and takes the backup’s later fields', () => {
    const saved = visitState('avant');
    const device = mergePatch('visits', saved, { fields: { purpose: 'après' }, clocks: { purpose: clock(5e12) } });
    const backup = mergePatch('visits', saved, {
      fields: { placeLabel: 'Mairie' },
      clocks: { placeLabel: clock(4e12) },
    });
    const restored = restoreRecord('visits', device, backup, 'local');
    expect(restored?.state.data).toMatchObject({ purpose: 'après', placeLabel: 'Mairie' });
    expect(restored?.keys).toEqual(['placeLabel']);
  });

  // Two copies of one diagnostic that evolved apart from a common start, by scalar writes and
  // writes of single answers, each with its own clock.
  const write = fc.record({
    key: fc.constantFrom('territoryLabel', 'filledOn', 'answers.q1', 'answers.q2', 'answers.q3'),
    value: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
    millis: fc.integer({ min: 2, max: 1000 }),
    node: fc.constantFrom('aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'),
  });
  type Write = { key: string; value: string | null; millis: number; node: string };
  const start = (): RecordState => ({
    data: { id: newId(), territoryLabel: 'départ', filledOn: 'départ', answers: { q1: 'a' } },
    clocks: { '*': clock(1) },
  });
  const apply = (state: RecordState, writes: Write[]) =>
    writes.reduce<RecordState>(
      (current, { key, value, millis, node }) =>
        mergePatch('diagnostics', current, { fields: { [key]: value }, clocks: { [key]: clock(millis, node) } }),
      state,
    );
  const read = (state: RecordState, key: string) => {
    const [field, entry] = key.split('.') as [string, string | undefined];
    const value = state.data[field];
    return entry === undefined ? value : ((value as Record<string, unknown> | undefined)?.[entry] ?? null);
  };
  const KEYS = ['territoryLabel', 'filledOn', 'answers.q1', 'answers.q2', 'answers.q3'];

  it('never loses the later of two values of a field, and a second restore changes nothing', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 12 }), fc.array(write, { maxLength: 12 }), (onDevice, inBackup) => {
        const common = start();
        const device = apply(common, onDevice);
        const backup = apply(common, inBackup);
        const once = restoreRecord('diagnostics', device, backup, 'local')?.state ?? device;
        for (const key of KEYS) {
          const deviceClock = clockOf(device.clocks, key);
          const backupClock = clockOf(backup.clocks, key);
          const winner = backupClock > deviceClock ? backup : device;
          expect(clockOf(once.clocks, key)).toBe(backupClock > deviceClock ? backupClock : deviceClock);
          expect(read(once, key) ?? null).toEqual(read(winner, key) ?? null);
        }
        expect(restoreRecord('diagnostics', once, backup, 'local')).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('the backup reminder', () => {
  const now = new Date('2026-11-28T10:00:00.000Z');
  it('stays quiet on a brand-new device, and when every change was sent or saved', () => {
    expect(needsBackupReminder(now, null)).toBe(false);
  });
  it('stays quiet while the oldest unsaved change is less than a week old', () => {
    expect(needsBackupReminder(now, '2026-11-22T10:00:00.000Z')).toBe(false);
  });
  it('reminds once a change has waited a week, neither sent nor saved', () => {
    expect(needsBackupReminder(now, '2026-11-21T10:00:00.000Z')).toBe(true);
  });
});

describe('a backup of another network', () => {
  it('is foreign only when both the file and the device belong to different networks', () => {
    expect(isForeignBackup('reseau-a', 'reseau-b', 'local')).toBe(true);
    expect(isForeignBackup('reseau-a', 'reseau-a', 'local')).toBe(false);
    expect(isForeignBackup('local', 'reseau-b', 'local')).toBe(false);
    expect(isForeignBackup('reseau-a', 'local', 'local')).toBe(false);
  });
});
