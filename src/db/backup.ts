// Saving the device's data to one file and merging such a file back (src/domain/backup.ts
// holds the format and the merge rule). A restore is one transaction: it lands whole or not
// at all, and every record it changes is queued for the server like a local write.
import { type Backup, base64ToBytes, latestClock } from '../domain/backup';
import { type BackupFileBytes, writeBackupFile } from '../domain/backup-writer';
import { clockOf, type FieldClocks, type RecordState } from '../domain/merge';
import { RECORD_TYPES, type RecordType } from '../domain/record-types';
import { parseHlc } from '../protocol/hlc';
import { sha256Hex } from './blobs';
import type { DataContext, DeviceIdentity } from './context';
import { catchUpClock, deviceClock } from './device-clock';
import { givePageBack } from './write-in-slices';
import { type MergeCounts, mergeRecords } from './writes';

interface BackupMeta {
  lastBackupAt: string | null;
}

interface BackupOptions {
  appVersion: string;
  /** Photos and files too (the file grows by their size). */
  includeFiles: boolean;
}

/** Records read at once: about 200 KB of a backup (pages of 500 made tasks of 0.4 s on a loaded machine). */
const PAGE = 200;

interface SavedBackup {
  file: Blob;
  exportedAt: string;
  /** Records in it, tombstones aside. */
  count: number;
}

/**
 * Everything the device keeps, tombstones included (a delete must survive a restore), written
 * to a backup file a page of records, or a file, at a time: a big valise's 40,000 visits read in
 * one go held the page for seconds and all of them in memory. All is read in one read
 * transaction, kept open across the pauses (givePageBack), so the file is the device at one
 * instant: IndexedDB starts no write to these tables (a form's save, a pull) before it ends, and
 * such a write then waits for the save, as it waited for the one read before.
 */
export async function saveBackup(context: DataContext, options: BackupOptions): Promise<SavedBackup> {
  const { db } = context;
  const tables = [db.blobs, db.unknownRecords, ...RECORD_TYPES.map((type) => db.anyRecords(type))];
  return db.transaction('r', tables, async () => {
    const exportedAt = new Date(deviceClock(context).physicalNow()).toISOString();
    let count = 0;
    // Gathered as the attachments are read: their files are written after every record.
    const hashes = new Set<string>();
    async function* recordPages(type: RecordType): AsyncIterable<RecordState[]> {
      const table = db.anyRecords(type);
      let page = await table.orderBy(':id').limit(PAGE).toArray();
      while (page.length > 0) {
        const states = page.map(({ hlc, ...data }) => ({ data, clocks: hlc }));
        for (const { data } of states) {
          if (data.deleted !== true) count += 1;
          if (type === 'attachments') hashes.add(data.sha256 as string);
        }
        yield states;
        if (page.length < PAGE) return;
        page = await table
          .where(':id')
          .above(page[page.length - 1]?.id)
          .limit(PAGE)
          .toArray();
      }
    }
    async function* files(): AsyncIterable<BackupFileBytes> {
      if (!options.includeFiles) return;
      for (const sha256 of hashes) {
        const blob = await db.blobs.get(sha256);
        if (blob) yield blob; // none: a file of another device never downloaded here
      }
    }
    const unknownRecords = async () => {
      // A Map: a type named like a member of every object ("toString") is a type like any other.
      const groups = new Map<string, RecordState[]>();
      await db.unknownRecords.each(({ type, data, clocks }) => {
        groups.set(type, [...(groups.get(type) ?? []), { data, clocks }]);
      });
      return groups.size > 0 ? Object.fromEntries(groups) : undefined;
    };
    const file = await writeBackupFile(
      {
        exportedAt,
        networkId: context.networkId,
        networkName: context.session?.networkName ?? null,
        appVersion: options.appVersion,
        records: RECORD_TYPES.map((type) => ({ type, pages: recordPages(type) })),
        unknownRecords,
        files,
        settings: { authorName: context.identity.authorName },
      },
      givePageBack,
    );
    return { file, exportedAt, count };
  });
}

export async function readBackupMeta(context: DataContext): Promise<BackupMeta> {
  const entry = await context.db.meta.get('backup');
  return { lastBackupAt: null, ...((entry?.value as Partial<BackupMeta> | undefined) ?? {}) };
}

/**
 * When the oldest change still at risk was written: waiting in the outbox (not on a server)
 * and written after the last backup. Null when every change is sent or saved.
 */
export async function oldestUnsavedChange(context: DataContext): Promise<string | null> {
  const { lastBackupAt } = await readBackupMeta(context);
  const entry = await context.db.outbox
    .orderBy('seq')
    .filter((candidate) => lastBackupAt === null || candidate.createdAt > lastBackupAt)
    .first();
  return entry?.createdAt ?? null;
}

/** Remembered once the file was handed to the browser, for the reminder in Réglages. */
export async function markBackupSaved(context: DataContext, at: string): Promise<void> {
  await context.db.meta.put({ key: 'backup', value: { lastBackupAt: at } satisfies BackupMeta });
}

export type RestoreCounts = { [K in RecordType]?: MergeCounts } & {
  files: number;
  /** The author name the device took from the backup, if it had none. */
  authorName?: string;
};

/** A file of the backup whose bytes do not match its hash: the file was damaged. */
export class DamagedFileError extends Error {
  constructor(readonly sha256: string) {
    super(`the bytes of file ${sha256} do not match its hash`);
    this.name = 'DamagedFileError';
  }
}

/** The person cancelled the restore: the transaction was rolled back, nothing changed. */
export class RestoreCancelledError extends Error {
  constructor() {
    super('restore cancelled');
    this.name = 'RestoreCancelledError';
  }
}

interface RestoreOptions {
  /** Records merged so far and in all, after each chunk. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; an abort rolls the whole restore back. */
  signal?: AbortSignal;
}

/** Records merged per step: small enough for the progress bar to move and a cancel to be heard. */
const CHUNK = 100;

/**
 * Records of types this version does not know: the device cannot merge what it cannot read,
 * so of two copies it keeps the one written last, whole. They are not queued (never pushed).
 */
async function keepUnknownRecords(context: DataContext, groups: Record<string, RecordState[]>): Promise<void> {
  const { db } = context;
  for (const [type, states] of Object.entries(groups)) {
    for (const { data, clocks } of states) {
      const id = String(data.id);
      const stored = await db.unknownRecords.get([type, id]);
      if (stored && latestClock([stored]) >= latestClock([{ data, clocks }])) continue;
      await db.unknownRecords.put({ type, id, data, clocks });
    }
  }
}

/** A file's bytes; data that is no base64 at all is a damaged file too. */
function bytesOf(file: { sha256: string; data: string }): Uint8Array {
  try {
    return base64ToBytes(file.data);
  } catch {
    throw new DamagedFileError(file.sha256);
  }
}

/**
 * How far ahead of the device a restored clock may be. The server, whose clock is the
 * reference, allows a minute (MAX_CLOCK_AHEAD_MS); a device's own clock may be hours behind
 * before a sync corrects it (a time zone or a date set by hand), and then takes a good file's
 * clocks as they are and moves its own past them.
 */
const MAX_RESTORED_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Fits a restored record's clocks to what this device may hold. A clock more than a day ahead of
 * the device (the backup of a phone set to a wrong year, or a file made by hand dated 9999)
 * would win every merge here until that time came: an edit a colleague makes later, pulled from
 * the server, would never show on this device. A clock that names no real instant (a 30
 * February) sorts after every real one, and the server refuses it. Such a clock counts as the
 * lowest where the device holds the field (its value, whatever its clock, stays): only then does
 * the same file restored again, or an older file of that phone, change nothing and leave every
 * edit made since alone. A record or field the device lacks takes the device's present, as the
 * server does with a push's clock too far ahead.
 */
function clockFitter(context: DataContext): (state: RecordState, local: RecordState | undefined) => RecordState {
  const clock = deviceClock(context);
  const latestHeld = clock.physicalNow() + MAX_RESTORED_AHEAD_MS;
  // Records written together share their clocks: each is read once.
  const unfitClocks = new Map<string, boolean>();
  const unfit = (value: string): boolean => {
    let over = unfitClocks.get(value);
    // No clock at all is the lowest already.
    if (over === undefined && value !== '') {
      const millis = parseHlc(value)?.millis;
      over = millis === undefined || millis > latestHeld;
      unfitClocks.set(value, over);
    }
    return over ?? false;
  };
  let now: string | undefined;
  const present = (): string => {
    now ??= clock.tick();
    return now;
  };
  return (state, local) => {
    if (!Object.values(state.clocks).some(unfit)) return state;
    const clocks: FieldClocks = {};
    const fitted = (key: string, value: string): string => {
      if (!unfit(value)) return value;
      const field = key.split('.', 1)[0] as string;
      return local && (field in local.data || key in local.clocks) ? '' : present();
    };
    if (!local) {
      for (const [key, value] of Object.entries(state.clocks)) clocks[key] = fitted(key, value);
      return { ...state, clocks };
    }
    // Each field with its own clock: the fields the device holds lose, the others are taken.
    for (const key of Object.keys(state.data)) clocks[key] = fitted(key, clockOf(state.clocks, key));
    for (const [key, value] of Object.entries(state.clocks)) if (!(key in clocks)) clocks[key] = fitted(key, value);
    return { ...state, clocks };
  };
}

/** Merges a parsed backup into the device, all or nothing. */
export async function restoreBackup(
  context: DataContext,
  backup: Backup,
  { onProgress, signal }: RestoreOptions = {},
): Promise<RestoreCounts> {
  // Hashing is asynchronous (WebCrypto) and would end a transaction: check files first.
  const files: { sha256: string; mimeType: string; data: ArrayBuffer }[] = [];
  for (const file of backup.body.files) {
    const bytes = bytesOf(file);
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    if ((await sha256Hex(data)) !== file.sha256) throw new DamagedFileError(file.sha256);
    files.push({ sha256: file.sha256, mimeType: file.mimeType, data });
  }
  const { db } = context;
  const tables = [db.outbox, db.meta, db.blobs, db.unknownRecords, ...RECORD_TYPES.map((type) => db.anyRecords(type))];
  const restored = await db.transaction('rw', tables, async () => {
    // The present as the device's tabs last learned it: a backup's recent clocks are not "ahead".
    await catchUpClock(context);
    const fitClocks = clockFitter(context);
    const counts: RestoreCounts = { files: 0 };
    const total = RECORD_TYPES.reduce((sum, type) => sum + (backup.body.records[type]?.length ?? 0), 0);
    let done = 0;
    for (const type of RECORD_TYPES) {
      const states: RecordState[] = backup.body.records[type] ?? [];
      for (let start = 0; start < states.length; start += CHUNK) {
        // Throwing inside the transaction aborts it: what was merged so far is rolled back.
        if (signal?.aborted) throw new RestoreCancelledError();
        const merged = await mergeRecords(context, type, states.slice(start, start + CHUNK), fitClocks);
        const sum = counts[type] ?? { added: 0, updated: 0, unchanged: 0 };
        counts[type] = {
          added: sum.added + merged.added,
          updated: sum.updated + merged.updated,
          unchanged: sum.unchanged + merged.unchanged,
        };
        done += Math.min(CHUNK, states.length - start);
        onProgress?.(done, total);
      }
    }
    if (signal?.aborted) throw new RestoreCancelledError();
    await keepUnknownRecords(context, backup.body.unknownRecords ?? {});
    // A name typed on this device wins; a device with none takes the one it had.
    const authorName = backup.body.settings?.authorName ?? '';
    const stored = ((await db.meta.get('identity'))?.value as DeviceIdentity | undefined) ?? context.identity;
    if (authorName !== '' && stored.authorName === '') {
      await db.meta.put({ key: 'identity', value: { ...stored, authorName } satisfies DeviceIdentity });
      counts.authorName = authorName;
    }
    for (const file of files) {
      if (await db.blobs.get(file.sha256)) continue;
      await db.blobs.put({ ...file, size: file.data.byteLength, state: 'pending' });
      counts.files += 1;
    }
    return counts;
  });
  // Only once the transaction committed: a rolled-back restore leaves the identity untouched.
  if (restored.authorName !== undefined) context.identity = { ...context.identity, authorName: restored.authorName };
  return restored;
}
