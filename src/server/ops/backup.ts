// `valise backup --dir DIR`: a consistent copy taken while the server runs (SQLite's online
// backup; pg_dump for PostgreSQL), then the retention rule applied to DIR.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SqliteStore } from '../store/sqlite';
import type { Store } from '../store/store';
import { backupName, expiredBackups, parseBackupName } from './retention';

const run = promisify(execFile);

interface BackupOptions {
  dir: string;
  keepDaily: number;
  keepWeekly: number;
  databaseUrl: string | null;
  now: Date;
}

interface BackupOutcome {
  file: string;
  deleted: string[];
}

export async function takeBackup(store: Store, options: BackupOptions): Promise<BackupOutcome> {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const file = join(options.dir, backupName(options.now, store instanceof SqliteStore ? 'sqlite' : 'dump'));
  // Written under a temporary name: a backup cut short never looks like a good one.
  const partial = `${file}.partial`;
  try {
    if (store instanceof SqliteStore) await store.db.backup(partial);
    else if (options.databaseUrl) await run('pg_dump', ['--format=custom', `--file=${partial}`, options.databaseUrl]);
    else throw new Error('A PostgreSQL store needs DATABASE_URL for pg_dump.');
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  await store.writeMeta([['lastBackupAt', options.now.toISOString()]]);
  const backups = readdirSync(options.dir).flatMap((name) => parseBackupName(name) ?? []);
  const deleted = expiredBackups(backups, options.keepDaily, options.keepWeekly);
  for (const name of deleted) rmSync(join(options.dir, name));
  return { file, deleted };
}
