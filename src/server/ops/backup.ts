// `valise backup --dir DIR`: a consistent copy taken while the server runs (SQLite's online
// backup; pg_dump for PostgreSQL), then the retention rule applied to DIR.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../store/sqlite';
import type { Store } from '../store/store';
import { runPostgresTool } from './postgres-tools';
import { backupName, expiredBackups, parseBackupName } from './retention';

interface BackupOptions {
  dir: string;
  keepDaily: number;
  keepWeekly: number;
  databaseUrl: string | null;
  now: Date;
}

/** rw for the server's user only. */
export const PRIVATE_FILE = 0o600;

interface BackupOutcome {
  file: string;
  deleted: string[];
}

export async function takeBackup(store: Store, options: BackupOptions): Promise<BackupOutcome> {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const kind = store instanceof SqliteStore ? 'sqlite' : 'dump';
  const file = join(options.dir, backupName(options.now, kind));
  // Written under a temporary name: a backup cut short never looks like a good one.
  const partial = `${file}.partial`;
  removeLeftPartials(options.dir, kind);
  try {
    // Readable by the server's user only, from its first byte: a backup holds a whole network's
    // contacts and notes, and `valise backup` run through `runuser` has the shell's umask (often
    // 022), not the unit's UMask=0077. SQLite and pg_dump write into the file as it is, mode kept.
    rmSync(partial, { force: true });
    closeSync(openSync(partial, 'wx', PRIVATE_FILE));
    if (store instanceof SqliteStore) await store.db.backup(partial);
    // A restore's mark is the restoring database's own: restored, it would outlive the restore.
    else if (options.databaseUrl)
      await runPostgresTool('pg_dump', [
        '--format=custom',
        '--exclude-table=restore_in_progress',
        `--file=${partial}`,
        options.databaseUrl,
      ]);
    else throw new Error('A PostgreSQL store needs DATABASE_URL for pg_dump.');
    flushToDisk(partial);
    renameSync(partial, file);
    // The rename is a change of the folder: flushed too, or a power cut could leave no backup
    // under either name.
    flushToDisk(options.dir);
  } finally {
    rmSync(partial, { force: true });
  }
  await store.writeMeta([['lastBackupAt', options.now.toISOString()]]);
  // Only this store's kind: a store moved from SQLite to PostgreSQL (or back) left backups of the
  // other one, maybe its only copies, and the first backup of the new store deleted the day's.
  const backups = readdirSync(options.dir)
    .filter((name) => name.endsWith(`.${kind}`))
    .flatMap((name) => parseBackupName(name) ?? []);
  const deleted = expiredBackups(backups, options.keepDaily, options.keepWeekly);
  for (const name of deleted) rmSync(join(options.dir, name));
  return { file, deleted };
}

/** What the disk was told to write is on it when this returns (a file's bytes, a folder's names). */
function flushToDisk(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * A backup killed before its `finally` (SIGKILL, a power cut) leaves its `.partial`, named by its
 * second, so no later backup has its name: each would stay, maybe the store's size, for good.
 * One backup runs at a time (the daily timer); two at once into one folder are not supported.
 */
function removeLeftPartials(dir: string, kind: 'sqlite' | 'dump'): void {
  for (const name of readdirSync(dir)) {
    const backup = name.endsWith('.partial') ? parseBackupName(name.slice(0, -'.partial'.length)) : null;
    if (backup?.name.endsWith(`.${kind}`)) rmSync(join(dir, name), { force: true });
  }
}
