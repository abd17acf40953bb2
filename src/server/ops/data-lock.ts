// One server process per data folder. A second process on the same SQLite file would hand out
// the same sequence numbers and answer half its pushes with 500; it must not start at all.
// The lock is an exclusive SQLite lock on its own file: the operating system drops it when the
// process ends, however it ends (SIGKILL, power cut), so a stale lock never blocks a restart.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const LOCK_FILE = 'valise.lock';

export class DataFolderBusy extends Error {}

interface DataLock {
  release(): void;
}

export function lockDataFolder(dataDir: string): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const db = new Database(path, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // A write transaction under EXCLUSIVE locking mode keeps the file locked until close.
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER); BEGIN EXCLUSIVE; DELETE FROM holder;');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw new DataFolderBusy(
        `Another Valise server is already running on the data folder ${dataDir} (it holds ${path}). ` +
          'Stop it first (systemctl stop valise), or give this one its own VALISE_DATA.',
      );
    throw error;
  }
  return { release: () => db.close() };
}
