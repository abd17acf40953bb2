import { join } from 'node:path';
import type { ServerConfig } from '../config';
import { PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { Store } from './store';

export const SQLITE_FILE = 'valise.sqlite';

/** The store the configuration asks for, migrated and ready: PostgreSQL when DATABASE_URL is set. */
export async function openStore(config: ServerConfig): Promise<Store> {
  const store = config.databaseUrl
    ? new PostgresStore(config.databaseUrl)
    : new SqliteStore(join(config.dataDir, SQLITE_FILE));
  await store.migrate();
  return store;
}
