import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restoreAdvice } from '../cli-args';
import type { ServerConfig } from '../config';
import { isDiskFull, primaryCode, unusable, userName } from '../ops/data-lock';
import { StartRefused } from '../start-refused';
import { PostgresStore } from './postgres';
import { postgresRefusal } from './postgres-refusal';
import { SqliteStore } from './sqlite';
import type { Store } from './store';

export const SQLITE_FILE = 'valise.sqlite';

/** The store the configuration asks for, migrated and ready: PostgreSQL when DATABASE_URL is set. */
export async function openStore(config: ServerConfig): Promise<Store> {
  const store = config.databaseUrl
    ? new PostgresStore(config.databaseUrl)
    : new SqliteStore(join(config.dataDir, SQLITE_FILE));
  try {
    await store.migrate();
  } catch (error) {
    // A refused start must not hold the connections it opened: the CLI's process ends on its own.
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

/** SQLite's words for a file that is not a database, or one whose pages are damaged. */
const DAMAGED = ['SQLITE_NOTADB', 'SQLITE_CORRUPT'];

/**
 * `error`, or, when it says the store cannot be used as it is, a refusal that says why and the
 * way out: PostgreSQL's refusals (postgres-refusal.ts), or a damaged SQLite file (a disk that
 * failed, a copy cut short), named with the restore. Said at start, before any device is
 * answered from it: the first reads of a damaged file fail wherever its bad pages lie, and a
 * stack trace named no file and no fix. The file is left as it is: what can be saved of it is
 * saved from it. `opening`: the error came from opening the store, not from a command run on it
 * (`valise backup` writes its backup elsewhere, `--verify` in the temporary folder).
 */
export function refusalOfUnusableStore(config: ServerConfig, error: unknown, { opening = true } = {}): unknown {
  if (config.databaseUrl) return postgresRefusal(config.databaseUrl, error) ?? error;
  const code = primaryCode((error as { code?: unknown } | null)?.code);
  const file = join(config.dataDir, SQLITE_FILE);
  // A first start on a full disk, or a store file left to root by a copy made by hand, ended
  // in SQLite's stack trace, where a folder in the same state is said in one sentence.
  if (isDiskFull(code) && opening) return unusable(config.dataDir, error);
  // A command's full disk may be the backup folder's or the temporary folder's: not named
  // as the data folder's, whose VALISE_DATA would not help.
  if (isDiskFull(code))
    return new StartRefused(
      `a disk it writes to is full (${(error as Error).message}): the backup folder's, the temporary folder's ` +
        `(${tmpdir()}) or the data folder's (${config.dataDir}). Free space on it, then run the command again.`,
    );
  if (code === 'SQLITE_READONLY')
    return new StartRefused(
      `this user (${userName()}) may not write the database ${file} (SQLite says: ${(error as Error).message}). ` +
        `Give it, and its folder, to that user: chown -R ${userName()}: ${config.dataDir}`,
    );
  // A store file this user may not read, or a folder where the file should be: seen as
  // SQLITE_CANTOPEN, a stack trace until then.
  if (code === 'SQLITE_CANTOPEN')
    return new StartRefused(
      `this user (${userName()}) cannot open the database ${file} (SQLite says: ${(error as Error).message}). ` +
        `It must be a file that user may read and write: chown -R ${userName()}: ${config.dataDir}`,
    );
  if (typeof code !== 'string' || !DAMAGED.includes(code)) return error;
  return new StartRefused(
    `the database ${file} is damaged (SQLite says: ${(error as Error).message}). It was left as it is. ` +
      `Restore the latest backup: ${restoreAdvice('FILE')} (the damaged file is kept beside it). ` +
      `With no backup, sqlite3 ${file} ".recover" may save part of it.`,
  );
}
