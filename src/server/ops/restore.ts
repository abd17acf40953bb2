// `valise restore FILE`: the backup becomes the store and the server starts a new epoch, so
// devices send back what they hold that the backup lacks. The store it replaces is kept beside
// it (SQLite) — a restore never deletes data. SQLite's server must be stopped; PostgreSQL's
// servers may run on, each push and pull before the restore or after it (replaceAlone).
import { chmodSync, copyFileSync, existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { restoreAdvice } from '../cli-args';
import type { ServerConfig } from '../config';
import { SQLITE_FILE } from '../store/open';
import { NothingReplaced, PostgresStore, ReplaceUnfinished } from '../store/postgres';
import { SqliteStore } from '../store/sqlite';
import { PRIVATE_FILE } from './backup';
import { lockDataFolder } from './data-lock';
import { epochEntries, renewEpoch } from './epoch';
import { PostgresToolFailed, runPostgresTool } from './postgres-tools';
import { shellWord } from './shell-word';
import { verifyBackup } from './verify';

interface RestoreOutcome {
  epoch: string;
  /** Where the replaced SQLite file was moved, if there was one. */
  keptAside: string | null;
}

export class RestoreRefused extends Error {}

export async function restoreBackup(file: string, config: ServerConfig, now: Date): Promise<RestoreOutcome> {
  const verification = await verifyBackup(file);
  if (verification.problems.length > 0)
    throw new RestoreRefused(
      `${file} is not a usable backup: ${verification.problems.join('; ')}. Nothing was changed.`,
    );
  const reason = `restored from ${file}`;
  if (config.databaseUrl) {
    if (verification.kind !== 'dump')
      throw new RestoreRefused('This server uses PostgreSQL: restore a pg_dump archive (.dump).');
    const url = config.databaseUrl;
    const entries = epochEntries(now.getTime(), reason);
    // Servers may keep running: their pushes and pulls wait for the backup and its epoch.
    const store = new PostgresStore(url, 2);
    try {
      await store.replaceAlone(() => pgRestore(url, file), entries, file);
    } catch (error) {
      if (error instanceof NothingReplaced)
        throw new RestoreRefused(`${error.message}. Nothing was changed: the database is as it was before.`);
      if (error instanceof ReplaceUnfinished)
        throw new RestoreRefused(
          `The restore stopped once pg_restore had begun (${error.message}): the database may hold the backup ` +
            'without its new epoch, and the servers refuse to start on it until a restore runs whole. ' +
            `Run it again: ${restoreAdvice(shellWord(file))}`,
        );
      throw error;
    } finally {
      await store.close();
    }
    return { epoch: entries[0]?.[1] as string, keptAside: null };
  }
  if (verification.kind !== 'sqlite') throw new RestoreRefused('This server uses SQLite: restore a .sqlite backup.');
  // Throws DataFolderBusy while the server runs: a restore under a running server would be lost.
  // Another data folder, the way out a second server is given, would restore nothing it serves.
  const lock = lockDataFolder(
    config.dataDir,
    'Stop it first (systemctl stop valise), run the restore again, then start it (systemctl start valise).',
  );
  const target = join(config.dataDir, SQLITE_FILE);
  // The backup is made whole beside the store — copied, migrated, under its new epoch — and
  // only then takes its place in one rename: a restore killed, or short of disk, before that
  // leaves the store as it was, never a file cut short or a backup under the old epoch.
  const incoming = `${target}.restoring`;
  try {
    let epoch: string;
    try {
      copyFileSync(file, incoming);
      // The copy takes the backup's mode, and becomes the store: its owner's only, as the backups
      // are now (older ones, or one brought back by hand, may be readable by all), before SQLite
      // opens it and gives its log files the same mode.
      chmodSync(incoming, PRIVATE_FILE);
      epoch = await withStore(new SqliteStore(incoming), now, reason);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOSPC' && (error as { code?: unknown }).code !== 'SQLITE_FULL')
        throw error;
      throw new RestoreRefused(
        `The disk of ${config.dataDir} is full: the backup did not fit beside the store. Nothing was changed. ` +
          'Free some space there and run the restore again.',
      );
    }
    let keptAside: string | null = null;
    if (existsSync(target)) {
      keptAside = `${target}.before-restore-${now.toISOString().replace(/[-:.]/g, '')}`;
      keepAside(target, keptAside);
    }
    renameSync(incoming, target);
    return { epoch, keptAside };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(incoming + suffix, { force: true });
    lock.release();
  }
}

/**
 * The replaced store, kept under `keptAside`, its write-ahead log folded into it first: a log
 * left beside the file the backup becomes would be read as that file's.
 */
function keepAside(target: string, keptAside: string): void {
  try {
    const db = new Database(target, { fileMustExist: true });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } catch {
    // A damaged store (what a restore often replaces): its files move aside as they are.
  }
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(target + suffix)) renameSync(target + suffix, keptAside + suffix);
  linkSync(target, keptAside);
}

/** One transaction: a pg_restore that stops on an error it reports has changed nothing. */
async function pgRestore(url: string, file: string): Promise<void> {
  try {
    await runPostgresTool('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${url}`,
      file,
    ]);
  } catch (error) {
    // Stopped by a signal, it may have been stopped after its commit: the mark stays.
    if (error instanceof PostgresToolFailed && error.signal === null) throw new NothingReplaced(error.message);
    throw error;
  }
}

async function withStore(store: SqliteStore, now: Date, reason: string): Promise<string> {
  try {
    await store.migrate();
    store.leaveSeqGap();
    return await renewEpoch(store, now.getTime(), reason);
  } finally {
    await store.close();
  }
}
