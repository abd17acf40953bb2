// One server process per data folder. A second process on the same SQLite file would hand out
// the same sequence numbers and answer half its pushes with 500; it must not start at all.
// The lock is an exclusive SQLite lock on its own file: the operating system drops it when the
// process ends, however it ends (SIGKILL, power cut), so a stale lock never blocks a restart.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StartRefused } from '../start-refused';

const LOCK_FILE = 'valise.lock';

class DataFolderBusy extends StartRefused {}

interface DataLock {
  release(): void;
}

/** What a second server does when the folder is held: stop the first one, or use its own folder. */
const START_WHEN_BUSY = 'Stop it first (systemctl stop valise), or give this one its own VALISE_DATA.';

/** `whenBusy`: the way out for this command when a server holds the folder (a start's by default). */
export function lockDataFolder(dataDir: string, whenBusy = START_WHEN_BUSY): DataLock {
  usableFolder(dataDir);
  const path = join(dataDir, LOCK_FILE);
  let db: Database.Database;
  try {
    db = new Database(path, { timeout: 0 });
  } catch (error) {
    throw unusable(dataDir, error);
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // A write transaction under EXCLUSIVE locking mode keeps the file locked until close.
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER); BEGIN EXCLUSIVE; DELETE FROM holder;');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw new DataFolderBusy(
        `Another Valise server is already running on the data folder ${dataDir} (it holds ${path}). ${whenBusy}`,
      );
    throw unusable(dataDir, error);
  }
  return { release: () => db.close() };
}

/** The folder exists (created if need be) and this process may write in it. */
function usableFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw unusable(dataDir, error);
  }
}

const NOT_WRITABLE = ['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM'];
const DISK_FULL = ['ENOSPC', 'SQLITE_FULL'];

/**
 * SQLite's primary code for `code`: better-sqlite3 reports extended ones (SQLITE_READONLY_DIRECTORY,
 * SQLITE_CANTOPEN_ISDIR, SQLITE_CORRUPT_INDEX…), which lists of primary codes missed: their refusal
 * was SQLite's bare words or its stack trace. Other codes are answered as they are.
 */
export function primaryCode(code: unknown): unknown {
  return typeof code === 'string' ? (/^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code) : code;
}

/** Whether `code` (the file system's or SQLite's) says the disk written to is full. */
export function isDiskFull(code: unknown): boolean {
  return typeof code === 'string' && DISK_FULL.includes(code);
}

/**
 * Why the data folder cannot be used, and the way out: SQLite and the file system say "unable
 * to open", "EACCES" or "disk is full", and each has its own fix (write access is no cure for
 * a full disk).
 */
export function unusable(dataDir: string, error: unknown): StartRefused {
  const code = primaryCode((error as { code?: unknown }).code);
  if (isDiskFull(code))
    return new StartRefused(
      `Valise cannot keep its data in ${dataDir}: the disk holding it is full. ` +
        'Free space on that disk (old backups, logs, other files), then start again; or set VALISE_DATA to a folder on a disk with room.',
    );
  const why =
    code === 'EEXIST' || code === 'ENOTDIR'
      ? 'it is a file, or inside one, not a folder'
      : typeof code === 'string' && NOT_WRITABLE.includes(code)
        ? `this user (${userName()}) may not write in it`
        : (error as Error).message;
  return new StartRefused(
    `Valise cannot keep its data in ${dataDir}: ${why}. ` +
      'Give the user running Valise write access to that folder, or set VALISE_DATA to a folder it may write.',
  );
}

/** Who runs this process, as the admin knows the account. */
export function userName(): string {
  return process.env.USER ?? process.env.LOGNAME ?? `uid ${process.getuid?.() ?? '?'}`;
}
